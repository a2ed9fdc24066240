package backroom.edge.ingredients;

import backroom.edge.access.Actor;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.idempotency.IdempotencyKeys;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/ingredients}: the store's ingredients and their stock; a manager defines them, and
 * a supervisor records goods received, a count and an adjustment (with its reason), each keyed by
 * an Idempotency-Key so a retry moves stock once.
 */
public final class IngredientService implements ApiRoutes.Resource {

    /** The most movements an ingredient's page shows, newest first. */
    static final int MOST_MOVES_SHOWN = 50;

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final IdempotencyKeys keys;

    public IngredientService(Jdbi jdbi, LedgerWriter writer, IdempotencyKeys keys) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.keys = keys;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/", Permission.READ_CATALOG, this::list)
                .get("/{id}", Permission.READ_CATALOG, this::read)
                .put("/{id}", Permission.EDIT_CATALOG, this::define)
                .post("/{id}/deliveries", Permission.ADJUST_STOCK, this::delivery)
                .post("/{id}/counts", Permission.ADJUST_STOCK, this::count)
                .post("/{id}/adjustments", Permission.ADJUST_STOCK, this::adjust);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Json.ok(res, Map.of("ingredients", jdbi.withHandle(IngredientReads::all)));
    }

    private void read(ServerRequest req, ServerResponse res) {
        String id = id(req);
        Json.ok(res, jdbi.withHandle(handle -> IngredientReads.stock(handle, id, MOST_MOVES_SHOWN))
                .orElseThrow(() -> Problem.notFound("ingredient " + id)));
    }

    private void define(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        IngredientEntries.Defined defined = JsonBody.read(req).as(IngredientRequests.Define.class).validated(id, Caller.of(req).actor());
        Json.ok(res, writer.submit((handle, ledger) -> IngredientDefinitions.define(ledger, defined)));
    }

    private void delivery(ServerRequest req, ServerResponse res) {
        move(req, res, "deliveries", IngredientRequests.Delivery.class,
                (ledger, id, delivery, by) -> IngredientStock.receive(ledger, id, delivery.quantity(), delivery.note(), by));
    }

    private void count(ServerRequest req, ServerResponse res) {
        move(req, res, "counts", IngredientRequests.Count.class,
                (ledger, id, count, by) -> IngredientStock.count(ledger, id, count.counted(), count.note(), by));
    }

    private void adjust(ServerRequest req, ServerResponse res) {
        move(req, res, "adjustments", IngredientRequests.Adjustment.class,
                (ledger, id, adjustment, by) -> IngredientStock.adjust(ledger, id, adjustment.delta(), adjustment.reason(), by));
    }

    /** A keyed movement of the ingredient in the path: its body checked, then moved once however often it is sent. */
    private <T extends IngredientRequests.Checked> void move(ServerRequest req, ServerResponse res, String what, Class<T> type,
                                                             Move<T> move) {
        String id = id(req);
        String key = IdempotencyKeys.required(req);
        JsonBody body = JsonBody.read(req);
        T request = body.as(type);
        request.validate();
        keys.answerOnce(req, res, writer, key, IdempotencyKeys.requestHash("ingredients/" + id + "/" + what, body.tree()),
                (handle, ledger, by) -> move.make(ledger, id, request, by));
    }

    /** What a movement's body makes of the ingredient's stock, on the ledger writer. */
    private interface Move<T> {
        IngredientMove make(LedgerAppender ledger, String id, T request, Actor by);
    }

    /** The ingredient in the path: a 404 for an id no ingredient could have. */
    private static String id(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        if (!IngredientRequests.ID.matcher(id).matches()) {
            throw Problem.notFound("ingredient " + id);
        }
        return id;
    }
}
