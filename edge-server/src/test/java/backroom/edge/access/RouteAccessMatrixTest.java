package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may call what, written out: every route the box serves against every kind of caller, with
 * what the gate must answer. The table is the rule, stated from the API contract and the design
 * (voids, refunds, cash movements, closing a shift, stock adjustments and no-sale drawer opens
 * need a supervisor or above; catalog editing, staff and the relay's status are a manager's; devices, hardware tests and
 * resuming a halted relay are the technician's alone; a receipt is printed again by any till role; the hardware's status is
 * for every role signed in on a till or a kitchen screen; a kitchen screen rings no sale whoever signs in on it; a kiosk faces
 * customers and only shows the menu and signs out; the kitchen's orders and tables are for every
 * role on a till or a kitchen screen, and for a kitchen screen with nobody signed in, so a cook
 * bumps without a PIN), never derived from {@link Permissions}.
 *
 * <p>A cell is {@code ok} when the gate lets the request through to its handler (any answer but 401
 * and 403; the bodies are ones each handler refuses cheaply), else the 401 or 403 the gate answers.
 * Columns: nobody (no token); a device of each kind with nobody signed in; then each role signed in
 * on a terminal (T), a kitchen screen (K) and a kiosk (k). Sign-out comes last: it ends the session.
 */
class RouteAccessMatrixTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    private static final String[] ROLES = {"technician", "manager", "supervisor", "cashier", "kitchen"};
    private static final String[] KINDS = {"terminal", "kds", "kiosk"};

    private static final Map<String, String> MATRIX = matrix(
            //                                                nobody | device alone  | technician    | manager       | supervisor    | cashier       | kitchen
            //                                                       | T   K   k     | T   K   k     | T   K   k     | T   K   k     | T   K   k     | T   K   k
            "POST /api/v1/devices/pair",                     "ok     | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "POST /api/v1/devices/pairing-codes",            "401    | 403 403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/devices",                           "401    | 403 403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/devices/hardware",                  "401    | 403 403 403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "POST /api/v1/hardware/{role}/test",             "401    | 403 403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/hardware/{role}/pairing-code",     "401    | 403 403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "DELETE /api/v1/devices/{id}",                   "401    | 403 403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/sessions",                         "401    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "POST /api/v1/staff",                            "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/staff",                             "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "PATCH /api/v1/staff/{id}",                      "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "DELETE /api/v1/staff/{id}",                     "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/catalog",                           "401    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "PUT /api/v1/catalog/products/{id}",             "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/stock/{productId}/adjustments",    "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/ingredients",                       "401    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "GET /api/v1/ingredients/{id}",                  "401    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "PUT /api/v1/ingredients/{id}",                  "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/ingredients/{id}/deliveries",      "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/ingredients/{id}/counts",          "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/ingredients/{id}/adjustments",     "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/recipes/{productId}",               "401    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "PUT /api/v1/recipes/{productId}",               "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "PUT /api/v1/recipes/{productId}/variants/{variantId}", "401 | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/shifts",                           "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/shifts",                            "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/shifts/{id}",                       "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/shifts/{id}/report",                "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/shifts/{id}/close",                "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/shifts/{id}/cash-movements",       "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/shifts/{id}/cash-movements",        "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/sales",                            "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/sales/quote",                      "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/sales",                             "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/sales/{id}",                        "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/sales/{id}/void",                  "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/sales/{id}/refunds",               "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/sales/{id}/reprint",               "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/checks",                           "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/checks",                            "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/checks/{id}",                       "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/checks/{id}/rounds",               "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/checks/{id}/move",                 "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/checks/{id}/merge",                "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/checks/{id}/split",                "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/checks/{id}/payments",             "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/checks/{id}/discount",             "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/checks/{id}/lines/{lineNo}/price", "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/customers",                        "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/customers",                         "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/customers/{id}",                    "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/loyalty/program",                   "401    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "PUT /api/v1/loyalty/program",                   "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "PUT /api/v1/self-order/tables/{tableId}",       "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/self-order/tables/{tableId}/qr",    "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "PUT /api/v1/self-order/menu/{productId}",       "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/self-order/orders",                 "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/self-order/orders/{id}/payments",  "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            // A guest's routes: the table's code opens a session; no staff token is one.
            "POST /api/v1/self-order/sessions",              "ok     | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "GET /api/v1/self-order/menu",                   "401    | 401 401 401   | 401 401 401   | 401 401 401   | 401 401 401   | 401 401 401   | 401 401 401",
            "POST /api/v1/self-order/guest-orders",          "401    | 401 401 401   | 401 401 401   | 401 401 401   | 401 401 401   | 401 401 401   | 401 401 401",
            "GET /api/v1/self-order/guest-orders",           "401    | 401 401 401   | 401 401 401   | 401 401 401   | 401 401 401   | 401 401 401   | 401 401 401",
            "POST /api/v1/gift-cards",                       "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "GET /api/v1/gift-cards/{number}",               "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/gift-cards/{number}/top-ups",      "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/pole-display/{registerId}",        "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403",
            "POST /api/v1/drawer/open",                      "401    | 403 403 403   | ok  403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/orders",                            "401    | 403 ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "GET /api/v1/orders/{id}",                       "401    | 403 ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "POST /api/v1/orders/recall",                    "401    | 403 ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "POST /api/v1/orders/{id}/bump",                 "401    | 403 ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "POST /api/v1/orders/{id}/status",               "401    | 403 ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "POST /api/v1/orders/{id}/rush",                 "401    | 403 ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "GET /api/v1/kds/settings",                      "401    | 403 ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "GET /api/v1/tables",                            "401    | 403 ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "GET /api/v1/relay",                             "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/reports/sales",                     "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "GET /api/v1/reports/kitchen",                   "401    | 403 403 403   | ok  403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "POST /api/v1/relay/resume",                     "401    | 403 403 403   | ok  403 403   | 403 403 403   | 403 403 403   | 403 403 403   | 403 403 403",
            "GET /ws",                                       "401    | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403   | ok  ok  403",
            "GET /",                                         "ok     | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "GET /openapi",                                  "ok     | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "GET /kds",                                      "ok     | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "GET /pos",                                      "ok     | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "GET /order",                                    "ok     | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "GET /setup",                                    "ok     | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ",
            "DELETE /api/v1/sessions/current",               "401    | 403 403 403   | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok    | ok  ok  ok ");

    @Test
    void theMatrixHasARowForEveryRouteTheBoxServes() {
        TreeSet<String> served = new TreeSet<>();
        box.box().box().routes().all().forEach(route -> served.add(route.method().text() + " " + route.template()));

        assertThat(new TreeSet<>(MATRIX.keySet())).isEqualTo(served);
    }

    @Test
    void everyCallerGetsWhatTheMatrixSaysOnEveryRoute() {
        Map<String, Api> callers = callers();
        SoftAssertions soft = new SoftAssertions();
        MATRIX.forEach((route, row) -> {
            List<String> cells = cells(row);
            int column = 0;
            for (Map.Entry<String, Api> caller : callers.entrySet()) {
                String expected = cells.get(column++);
                Reply reply = send(caller.getValue(), route);
                String what = caller.getKey() + " on " + route + " got " + reply;
                if (expected.equals("ok")) {
                    soft.assertThat(reply.status()).as(what).isNotIn(401, 403);
                } else {
                    soft.assertThat(reply.status()).as(what).isEqualTo(Integer.parseInt(expected));
                    soft.assertThat(reply.contentType()).as(what).isEqualTo("application/problem+json");
                    soft.assertThat(reply.problemFields()).as(what).containsExactly("Authorization");
                }
            }
        });
        soft.assertAll();
    }

    /** The columns, in the matrix's order, each a caller of its own. */
    private static Map<String, Api> callers() {
        Map<String, Api> callers = new LinkedHashMap<>();
        callers.put("nobody", box.box().anonymous());
        for (String kind : KINDS) {
            callers.put(kind + " alone", box.box().newDevice(kind));
        }
        for (String role : ROLES) {
            for (String kind : KINDS) {
                callers.put(role + " on " + kind, box.box().signedIn(role, kind));
            }
        }
        return callers;
    }

    private static Map<String, String> matrix(String... routesAndRows) {
        Map<String, String> matrix = new LinkedHashMap<>();
        for (int i = 0; i < routesAndRows.length; i += 2) {
            if (cells(routesAndRows[i + 1]).size() != 1 + KINDS.length + ROLES.length * KINDS.length) {
                throw new IllegalArgumentException("a row needs a cell per column: " + routesAndRows[i]);
            }
            matrix.put(routesAndRows[i], routesAndRows[i + 1]);
        }
        return matrix;
    }

    private static List<String> cells(String row) {
        return List.of(row.trim().split("[\\s|]+"));
    }

    /** A request the route's handler refuses cheaply once the gate lets it through: an unknown id, an empty body. */
    private static Reply send(Api caller, String route) {
        String[] methodAndTemplate = route.split(" ");
        String path = methodAndTemplate[1].replaceAll("\\{[^}]+}", "no-such-id");
        return switch (methodAndTemplate[0]) {
            case "GET" -> caller.get(path);
            case "DELETE" -> caller.delete(path);
            case "POST" -> caller.post(path, Map.of());
            case "PUT" -> caller.put(path, Map.of());
            case "PATCH" -> caller.patch(path, Map.of());
            default -> throw new AssertionError("no test request for " + route);
        };
    }
}
