package backroom.edge.kitchen;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/orders}: the kitchen's orders by station and status, and what screens, bump bars
 * and the counter do to them; each change answers with the order as it now stands.
 */
public final class KitchenService implements ApiRoutes.Resource {

    static final int MAX_STATION = 64;

    private final Jdbi jdbi;
    private final LedgerWriter writer;

    public KitchenService(Jdbi jdbi, LedgerWriter writer) {
        this.jdbi = jdbi;
        this.writer = writer;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/", Permission.READ_ORDERS, this::list)
                .get("/{id}", Permission.READ_ORDERS, this::get)
                .post("/recall", Permission.BUMP_ORDERS, this::recall)
                .post("/{id}/bump", Permission.BUMP_ORDERS, this::bump)
                .post("/{id}/status", Permission.BUMP_ORDERS, this::status)
                .post("/{id}/rush", Permission.BUMP_ORDERS, this::rush);
    }

    private void list(ServerRequest req, ServerResponse res) {
        String station = req.query().first("station").map(value -> station("station", value)).orElse(null);
        Set<OrderStatus> statuses = req.query().first("status").map(KitchenService::statuses).orElse(KitchenRows.ON_SCREEN);
        Json.ok(res, Map.of("orders", jdbi.withHandle(handle -> KitchenRows.list(handle, station, statuses))));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String orderId = req.path().pathParameters().get("id");
        Json.ok(res, jdbi.withHandle(handle -> KitchenRows.find(handle, orderId)).orElseThrow(() -> Problem.notFound("order " + orderId)));
    }

    private void bump(ServerRequest req, ServerResponse res) {
        String orderId = req.path().pathParameters().get("id");
        String station = optionalBody(req).station();
        Json.ok(res, writer.submit((handle, ledger) -> KitchenMoves.bump(handle, ledger, orderId, station, Caller.of(req).actor())));
    }

    private void status(ServerRequest req, ServerResponse res) {
        String orderId = req.path().pathParameters().get("id");
        StationRequest body = JsonBody.read(req).as(StationRequest.class);
        if (body.status() == null) {
            throw Problem.invalid("status", "is required: cooking, ready, completed or cancelled");
        }
        OrderStatus to = OrderStatus.find(body.status())
                .orElseThrow(() -> Problem.invalid("status", "must be " + OrderStatus.NAMES));
        String station = body.station() == null ? null : station("station", body.station());
        Json.ok(res, writer.submit((handle, ledger) -> KitchenMoves.set(handle, ledger, orderId, to, station, Caller.of(req).actor())));
    }

    private void recall(ServerRequest req, ServerResponse res) {
        String station = optionalBody(req).station();
        Json.ok(res, writer.submit((handle, ledger) -> KitchenMoves.recall(handle, ledger, station, Caller.of(req).actor())));
    }

    private void rush(ServerRequest req, ServerResponse res) {
        String orderId = req.path().pathParameters().get("id");
        RushRequest body = JsonBody.read(req).as(RushRequest.class);
        if (body.rush() == null) {
            throw Problem.invalid("rush", "is required: true or false");
        }
        Json.ok(res, writer.submit((handle, ledger) -> KitchenMoves.rush(handle, ledger, orderId, body.rush(), Caller.of(req).actor())));
    }

    /** A bump's or recall's body, which may be left out: then the whole order, or any station. */
    private static StationRequest optionalBody(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new StationRequest(null, null);
        }
        StationRequest body = JsonBody.read(req).as(StationRequest.class);
        return new StationRequest(body.station() == null ? null : station("station", body.station()), body.status());
    }

    static String station(String field, String value) {
        if (value.isBlank() || value.length() > MAX_STATION) {
            throw Problem.invalid(field, "must be a station's name of 1-" + MAX_STATION + " characters");
        }
        return value;
    }

    private static Set<OrderStatus> statuses(String list) {
        return Arrays.stream(list.split(",", -1))
                .map(wire -> OrderStatus.find(wire.trim()).orElseThrow(() -> Problem.malformed("status", "must list statuses, each "
                        + OrderStatus.NAMES + ", separated by commas")))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderStatus.class)));
    }

    record StationRequest(String station, String status) {
    }

    record RushRequest(Boolean rush) {
    }
}
