package backroom.edge.access;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks the whole route table: every route is declared with the access the contract gives it, and
 * none but the public ones answers a request without a valid token. Which caller each route admits
 * is {@link RouteAccessMatrixTest}'s.
 */
class RouteTableTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    /** The contract: method and path of every API route, with what it asks of its caller. */
    private static final Map<String, Access> CONTRACT = Map.ofEntries(
            entry("POST /api/v1/devices/pair", Access.PUBLIC),
            entry("POST /api/v1/devices/pairing-codes", Access.needs(Permission.MANAGE_DEVICES)),
            entry("GET /api/v1/devices", Access.needs(Permission.MANAGE_DEVICES)),
            entry("GET /api/v1/devices/hardware", Access.needs(Permission.READ_HARDWARE)),
            entry("POST /api/v1/hardware/{role}/test", Access.needs(Permission.TEST_HARDWARE)),
            entry("POST /api/v1/hardware/{role}/pairing-code", Access.needs(Permission.MANAGE_DEVICES)),
            entry("DELETE /api/v1/devices/{id}", Access.needs(Permission.MANAGE_DEVICES)),
            entry("POST /api/v1/sessions", Access.ANY_DEVICE),
            entry("DELETE /api/v1/sessions/current", Access.needs(Permission.SIGN_OUT)),
            entry("POST /api/v1/staff", Access.needs(Permission.MANAGE_STAFF)),
            entry("GET /api/v1/staff", Access.needs(Permission.MANAGE_STAFF)),
            entry("PATCH /api/v1/staff/{id}", Access.needs(Permission.MANAGE_STAFF)),
            entry("DELETE /api/v1/staff/{id}", Access.needs(Permission.MANAGE_STAFF)),
            entry("GET /api/v1/catalog", Access.needs(Permission.READ_CATALOG)),
            entry("PUT /api/v1/catalog/products/{id}", Access.needs(Permission.EDIT_CATALOG)),
            entry("POST /api/v1/stock/{productId}/adjustments", Access.needs(Permission.ADJUST_STOCK)),
            entry("GET /api/v1/ingredients", Access.needs(Permission.READ_CATALOG)),
            entry("GET /api/v1/ingredients/{id}", Access.needs(Permission.READ_CATALOG)),
            entry("PUT /api/v1/ingredients/{id}", Access.needs(Permission.EDIT_CATALOG)),
            entry("POST /api/v1/ingredients/{id}/deliveries", Access.needs(Permission.ADJUST_STOCK)),
            entry("POST /api/v1/ingredients/{id}/counts", Access.needs(Permission.ADJUST_STOCK)),
            entry("POST /api/v1/ingredients/{id}/adjustments", Access.needs(Permission.ADJUST_STOCK)),
            entry("GET /api/v1/recipes/{productId}", Access.needs(Permission.READ_CATALOG)),
            entry("PUT /api/v1/recipes/{productId}", Access.needs(Permission.EDIT_CATALOG)),
            entry("PUT /api/v1/recipes/{productId}/variants/{variantId}", Access.needs(Permission.EDIT_CATALOG)),
            entry("POST /api/v1/shifts", Access.needs(Permission.OPEN_SHIFT)),
            entry("GET /api/v1/shifts", Access.needs(Permission.READ_SHIFTS)),
            entry("GET /api/v1/shifts/{id}", Access.needs(Permission.READ_SHIFTS)),
            entry("GET /api/v1/shifts/{id}/report", Access.needs(Permission.READ_SHIFTS)),
            entry("POST /api/v1/shifts/{id}/close", Access.needs(Permission.CLOSE_SHIFT)),
            entry("POST /api/v1/shifts/{id}/cash-movements", Access.needs(Permission.MOVE_CASH)),
            entry("GET /api/v1/shifts/{id}/cash-movements", Access.needs(Permission.READ_SHIFTS)),
            entry("POST /api/v1/sales", Access.needs(Permission.RING_SALE)),
            entry("POST /api/v1/sales/quote", Access.needs(Permission.RING_SALE)),
            entry("GET /api/v1/sales", Access.needs(Permission.READ_SALES)),
            entry("GET /api/v1/sales/{id}", Access.needs(Permission.READ_SALES)),
            entry("POST /api/v1/sales/{id}/void", Access.needs(Permission.VOID_SALE)),
            entry("POST /api/v1/sales/{id}/refunds", Access.needs(Permission.REFUND_SALE)),
            entry("POST /api/v1/sales/{id}/reprint", Access.needs(Permission.REPRINT_RECEIPT)),
            entry("POST /api/v1/checks", Access.needs(Permission.RING_SALE)),
            entry("GET /api/v1/checks", Access.needs(Permission.READ_SALES)),
            entry("GET /api/v1/checks/{id}", Access.needs(Permission.READ_SALES)),
            entry("POST /api/v1/checks/{id}/rounds", Access.needs(Permission.RING_SALE)),
            entry("POST /api/v1/checks/{id}/move", Access.needs(Permission.RING_SALE)),
            entry("POST /api/v1/checks/{id}/merge", Access.needs(Permission.RING_SALE)),
            entry("POST /api/v1/checks/{id}/split", Access.needs(Permission.RING_SALE)),
            entry("POST /api/v1/checks/{id}/payments", Access.needs(Permission.RING_SALE)),
            entry("POST /api/v1/checks/{id}/discount", Access.needs(Permission.RING_SALE)),
            entry("POST /api/v1/checks/{id}/lines/{lineNo}/price", Access.needs(Permission.OVERRIDE_PRICE)),
            entry("POST /api/v1/customers", Access.needs(Permission.RING_SALE)),
            entry("GET /api/v1/customers", Access.needs(Permission.READ_SALES)),
            entry("GET /api/v1/customers/{id}", Access.needs(Permission.READ_SALES)),
            entry("GET /api/v1/loyalty/program", Access.needs(Permission.READ_CATALOG)),
            entry("PUT /api/v1/loyalty/program", Access.needs(Permission.EDIT_CATALOG)),
            entry("PUT /api/v1/self-order/tables/{tableId}", Access.needs(Permission.EDIT_CATALOG)),
            entry("GET /api/v1/self-order/tables/{tableId}/qr", Access.needs(Permission.EDIT_CATALOG)),
            entry("PUT /api/v1/self-order/menu/{productId}", Access.needs(Permission.EDIT_CATALOG)),
            entry("GET /api/v1/self-order/orders", Access.needs(Permission.READ_SALES)),
            entry("POST /api/v1/self-order/orders/{id}/payments", Access.needs(Permission.RING_SALE)),
            entry("POST /api/v1/self-order/sessions", Access.PUBLIC),
            entry("GET /api/v1/self-order/menu", Access.GUEST),
            entry("POST /api/v1/self-order/guest-orders", Access.GUEST),
            entry("GET /api/v1/self-order/guest-orders", Access.GUEST),
            entry("POST /api/v1/gift-cards", Access.needs(Permission.RING_SALE)),
            entry("GET /api/v1/gift-cards/{number}", Access.needs(Permission.READ_SALES)),
            entry("POST /api/v1/gift-cards/{number}/top-ups", Access.needs(Permission.RING_SALE)),
            entry("POST /api/v1/drawer/open", Access.needs(Permission.OPEN_DRAWER)),
            entry("POST /api/v1/pole-display/{registerId}", Access.needs(Permission.RING_SALE)),
            entry("GET /api/v1/orders", Access.needs(Permission.READ_ORDERS)),
            entry("GET /api/v1/orders/{id}", Access.needs(Permission.READ_ORDERS)),
            entry("POST /api/v1/orders/recall", Access.needs(Permission.BUMP_ORDERS)),
            entry("POST /api/v1/orders/{id}/bump", Access.needs(Permission.BUMP_ORDERS)),
            entry("POST /api/v1/orders/{id}/status", Access.needs(Permission.BUMP_ORDERS)),
            entry("POST /api/v1/orders/{id}/rush", Access.needs(Permission.BUMP_ORDERS)),
            entry("GET /api/v1/kds/settings", Access.needs(Permission.READ_ORDERS)),
            entry("GET /api/v1/tables", Access.needs(Permission.READ_ORDERS)),
            entry("GET /api/v1/relay", Access.needs(Permission.READ_RELAY)),
            entry("GET /api/v1/reports/sales", Access.needs(Permission.READ_REPORTS)),
            entry("GET /api/v1/reports/kitchen", Access.needs(Permission.READ_REPORTS)),
            entry("POST /api/v1/relay/resume", Access.needs(Permission.RESUME_RELAY)),
            entry("GET /ws", Access.needs(Permission.WATCH_LIVE_UPDATES)),
            entry("GET /", Access.PUBLIC),
            entry("GET /openapi", Access.PUBLIC),
            entry("GET /kds", Access.PUBLIC),
            entry("GET /pos", Access.PUBLIC),
            entry("GET /order", Access.PUBLIC),
            entry("GET /setup", Access.PUBLIC));

    @Test
    void everyRouteIsDeclaredWithTheAccessTheContractGivesIt() {
        Map<String, Access> declared = new TreeMap<>();
        box.box().box().routes().all().forEach(route -> declared.put(route.method().text() + " " + route.template(), route.access()));

        assertThat(declared).isEqualTo(new TreeMap<>(CONTRACT));
    }

    @Test
    void noRouteButPairingAnswersWithoutAValidToken() {
        Api anonymous = box.box().anonymous();
        SoftAssertions soft = new SoftAssertions();
        for (Route route : box.box().box().routes().all()) {
            for (Api caller : new Api[] {anonymous, anonymous.as("bd_not-a-token"), anonymous.as("bs_not-a-session")}) {
                Reply reply = send(caller, route);
                if (route.access() instanceof Access.Public) {
                    soft.assertThat(reply.status()).as(route + " is public").isNotIn(401, 403);
                } else {
                    soft.assertThat(reply.status()).as(route + " with token " + caller.token()).isEqualTo(401);
                    soft.assertThat(reply.contentType()).as(route.toString()).isEqualTo("application/problem+json");
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void aServedPathAskedWithAnotherMethodIs405WithTheMethodsItServesAndAnUnservedPath404() throws Exception {
        HttpResponse<String> root = send("DELETE", "/api/v1/sales");
        HttpResponse<String> templated = send("PUT", "/api/v1/sales/some-sale");
        Reply unserved = box.api().delete("/api/v1/nowhere");

        for (HttpResponse<String> wrongMethod : List.of(root, templated)) {
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
            assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(root.headers().firstValue("Allow")).hasValue("POST, GET");
        assertThat(templated.headers().firstValue("Allow")).hasValue("GET");
        assertThat(unserved.status()).isEqualTo(404);
        assertThat(unserved.contentType()).isEqualTo("application/problem+json");
    }

    /** A bodiless request over HTTP/1.1, for the headers {@link Reply} does not keep. */
    private static HttpResponse<String> send(String method, String path) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + box.box().port() + path))
                    .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Reply send(Api caller, Route route) {
        String path = route.template().replaceAll("\\{[^}]+}", "no-such-id");
        return switch (route.method().text()) {
            case "GET" -> caller.get(path);
            case "DELETE" -> caller.delete(path);
            case "POST" -> caller.post(path, Map.of());
            case "PUT" -> caller.put(path, Map.of());
            case "PATCH" -> caller.patch(path, Map.of());
            default -> throw new AssertionError("no test request for " + route);
        };
    }
}
