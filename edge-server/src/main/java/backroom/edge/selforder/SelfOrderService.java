package backroom.edge.selforder;

import backroom.edge.access.Access;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.BoxKey;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.checks.TableOrders;
import backroom.edge.idempotency.IdempotencyKeys;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/self-order}: for a manager, the tables that take guests' orders, their QR codes and
 * the menu's allergens; for the till, the orders waiting for it and ringing one; for a guest with a
 * table's code and no staff token, a session, the menu and orders, at most a few a minute.
 */
public final class SelfOrderService implements ApiRoutes.Resource {

    /** New sessions a minute from one address; orders a minute from one session. */
    static final int SESSIONS_A_MINUTE = 10;
    static final int ORDERS_A_MINUTE = 5;
    static final int READS_A_MINUTE = 60;

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final SelfOrders orders;
    private final GuestCodes codes;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final IdempotencyKeys keys;
    private final GuestLimits sessionLimits;
    private final GuestLimits orderLimits;
    private final GuestLimits readLimits;

    SelfOrderService(Jdbi jdbi, LedgerWriter writer, SelfOrders orders, GuestCodes codes, Clock clock, Supplier<UUID> ids,
                     IdempotencyKeys keys) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.orders = orders;
        this.codes = codes;
        this.clock = clock;
        this.ids = ids;
        this.keys = keys;
        this.sessionLimits = new GuestLimits(clock, SESSIONS_A_MINUTE);
        this.orderLimits = new GuestLimits(clock, ORDERS_A_MINUTE);
        this.readLimits = new GuestLimits(clock, READS_A_MINUTE);
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.put("/tables/{tableId}", Permission.EDIT_CATALOG, this::setTable)
                .get("/tables/{tableId}/qr", Permission.EDIT_CATALOG, this::qr)
                .put("/menu/{productId}", Permission.EDIT_CATALOG, this::setAllergens)
                .get("/orders", Permission.READ_SALES, this::byStatus)
                .post("/orders/{id}/payments", Permission.RING_SALE, this::ring)
                .add(Method.POST, "/sessions", Access.PUBLIC, this::openSession)
                .add(Method.GET, "/menu", Access.GUEST, this::menu)
                .add(Method.POST, "/guest-orders", Access.GUEST, this::place)
                .add(Method.GET, "/guest-orders", Access.GUEST, this::tableOrders);
    }

    private void setTable(ServerRequest req, ServerResponse res) {
        String tableId = req.path().pathParameters().get("tableId");
        GuestRequests.Table request = JsonBody.read(req).as(GuestRequests.Table.class);
        request.validate(tableId);
        var table = writer.submit((handle, ledger) -> orders.setTable(ledger, tableId, Boolean.TRUE.equals(request.payLater()),
                Boolean.TRUE.equals(request.newCode()), Caller.of(req).actor()));
        Json.ok(res, Map.of("tableId", tableId, "payLater", table.payLater(), "version", table.version(), "url", link(req, table)));
    }

    /** The table's QR code, an SVG picture of its link, to print from the browser. */
    private void qr(ServerRequest req, ServerResponse res) {
        String tableId = req.path().pathParameters().get("tableId");
        var table = jdbi.withHandle(handle -> SelfOrderReads.table(handle, tableId))
                .orElseThrow(() -> Problem.notFound("table " + tableId + " taking guests' orders"));
        res.header(HeaderNames.CONTENT_TYPE, "image/svg+xml");
        res.send(QrCodes.svg(link(req, table), "Table " + tableId + ": scan to order"));
    }

    private void setAllergens(ServerRequest req, ServerResponse res) {
        String productId = req.path().pathParameters().get("productId");
        GuestRequests.Allergens request = JsonBody.read(req).as(GuestRequests.Allergens.class);
        request.validate();
        var set = new SelfOrderEntries.AllergensSet(productId, List.copyOf(request.allergens()), Caller.of(req).actor());
        writer.submit((handle, ledger) -> {
            orders.setAllergens(handle, ledger, set);
            return null;
        });
        Json.ok(res, Map.of("productId", productId, "allergens", set.allergens()));
    }

    /** {@code GET /api/v1/self-order/orders?status=waiting}: guests' orders for the till, oldest first. */
    private void byStatus(ServerRequest req, ServerResponse res) {
        String status = req.query().first("status").orElse(SelfOrderEntries.WAITING);
        if (!List.of(SelfOrderEntries.WAITING, SelfOrderEntries.SENT, SelfOrderEntries.PAID_STATUS).contains(status)) {
            throw Problem.malformed("status", "must be waiting, sent or paid");
        }
        Json.ok(res, Map.of("orders", jdbi.withHandle(handle -> SelfOrderReads.byStatus(handle, status))));
    }

    private void ring(ServerRequest req, ServerResponse res) {
        String orderId = req.path().pathParameters().get("id");
        String key = IdempotencyKeys.required(req);
        JsonBody body = JsonBody.read(req);
        GuestRequests.Pay pay = body.as(GuestRequests.Pay.class);
        pay.validate();
        String checkId = ids.get().toString();
        String saleId = ids.get().toString();
        keys.answerOnce(req, res, writer, key, IdempotencyKeys.requestHash("self-order/orders/" + orderId + "/payments", body.tree()),
                (handle, ledger, by) -> orders.ring(handle, ledger, SelfOrderReads.order(handle, orderId)
                        .orElseThrow(() -> Problem.notFound("order " + orderId)), checkId, saleId, pay, by));
    }

    private void openSession(ServerRequest req, ServerResponse res) {
        sessionLimits.take(req.remotePeer().host(), "table");
        GuestRequests.Open request = JsonBody.read(req).as(GuestRequests.Open.class);
        request.validate();
        var table = jdbi.withHandle(handle -> SelfOrderReads.table(handle, request.table()))
                .filter(held -> codes.isTableCode(held.tableId(), held.version(), request.code()))
                .orElseThrow(() -> Problem.invalid("code", "this code does not open table " + request.table() + ": scan the table's code again"));
        GuestCodes.Session session = codes.open(table.tableId(), table.version(), clock.instant());
        Json.send(res, 201, Map.of("session", session.token(), "tableId", table.tableId(), "payLater", table.payLater(),
                "expiresAt", session.expiresAt().toString()));
    }

    private void menu(ServerRequest req, ServerResponse res) {
        GuestCodes.Session session = session(req);
        readLimits.take(session.token(), "Authorization");
        Json.ok(res, jdbi.withHandle(handle -> SelfOrderReads.menu(handle, session.tableId())));
    }

    private void place(ServerRequest req, ServerResponse res) {
        GuestCodes.Session session = session(req);
        orderLimits.take(session.token(), "Authorization");
        GuestRequests.Order order = JsonBody.read(req).as(GuestRequests.Order.class);
        order.validate();
        String orderId = ids.get().toString();
        String checkId = ids.get().toString();
        Json.send(res, 201, GuestOrder.of(writer.submit((handle, ledger) -> orders.place(handle, ledger, session, orderId, checkId,
                order.items()))));
    }

    /** The orders placed at the session's table since the session opened: nothing of any other table's. */
    private void tableOrders(ServerRequest req, ServerResponse res) {
        GuestCodes.Session session = session(req);
        readLimits.take(session.token(), "Authorization");
        Json.ok(res, Map.of("orders", jdbi.withHandle(handle -> SelfOrderReads.ofTable(handle, session.tableId(),
                session.expiresAt().minus(GuestCodes.SESSION_LIFE))).stream().map(GuestOrder::of).toList()));
    }

    private GuestCodes.Session session(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.startsWith(GuestRequests.SCHEME))
                .flatMap(value -> codes.read(value.substring(GuestRequests.SCHEME.length()).strip(), clock.instant()))
                .orElseThrow(() -> GuestRequests.unauthorized("a guest session from the table's QR code is required (Authorization: Guest"
                        + " <session>); it may have expired"));
    }

    /** The link a table's QR code holds: this box's order page, the table and its code. */
    private String link(ServerRequest req, SelfOrderRows.OrderingTable table) {
        String host = req.headers().first(HeaderNames.HOST).orElse("backroom.local");
        return "http://" + host + "/order?table=" + URLEncoder.encode(table.tableId(), StandardCharsets.UTF_8) + "&code="
                + codes.tableCode(table.tableId(), table.version());
    }

    /** The service, with the codes it signs under the box key. */
    public static SelfOrderService of(Jdbi jdbi, LedgerWriter writer, CurrentPriceList prices, TableOrders checks, BoxKey key, Clock clock,
                                      Supplier<UUID> ids, IdempotencyKeys keys) {
        return new SelfOrderService(jdbi, writer, new SelfOrders(prices, checks), new GuestCodes(key, new SecureRandom()), clock, ids,
                keys);
    }
}
