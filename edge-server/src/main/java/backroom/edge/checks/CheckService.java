package backroom.edge.checks;

import backroom.edge.access.Actor;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.idempotency.IdempotencyKeys;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.printing.PrintQueue;
import backroom.edge.sales.LaterPayments;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/checks}: open a check on a table or as a tab, add rounds, move it, merge another
 * into it, split it, pay its parts; list and read checks. Opening, a round and a payment take an
 * Idempotency-Key, as a sale does: a tablet that retries after a lost answer gets the first answer
 * and nothing is opened, sent to the kitchen or paid twice. A move, a merge and a split come out
 * the same when repeated.
 */
public final class CheckService implements ApiRoutes.Resource {

    private static final Set<String> STATUSES = Set.of(Check.OPEN, Check.CLOSED, Check.MERGED);
    private static final int MOST_LISTED = 500;

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Supplier<UUID> ids;
    private final IdempotencyKeys keys;
    private final CheckWrites checks;
    private final CheckPayments payments;
    private final CheckAdjustments adjustments;

    public CheckService(Jdbi jdbi, LedgerWriter writer, CurrentPriceList prices, Supplier<UUID> ids, IdempotencyKeys keys,
                        LaterPayments sales, PrintQueue printing) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.ids = ids;
        this.keys = keys;
        this.checks = new CheckWrites(prices, printing);
        this.payments = new CheckPayments(prices, sales);
        this.adjustments = new CheckAdjustments(prices);
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/", Permission.RING_SALE, this::open)
                .get("/", Permission.READ_SALES, this::list)
                .get("/{id}", Permission.READ_SALES, this::read)
                .post("/{id}/rounds", Permission.RING_SALE, this::addRound)
                .post("/{id}/move", Permission.RING_SALE, this::move)
                .post("/{id}/merge", Permission.RING_SALE, this::merge)
                .post("/{id}/split", Permission.RING_SALE, this::split)
                .post("/{id}/payments", Permission.RING_SALE, this::pay)
                .post("/{id}/discount", Permission.RING_SALE, this::discount)
                .post("/{id}/lines/{lineNo}/price", Permission.OVERRIDE_PRICE, this::overridePrice);
    }

    private void open(ServerRequest req, ServerResponse res) {
        String key = IdempotencyKeys.required(req);
        JsonBody body = JsonBody.read(req);
        CheckRequests.Open request = body.as(CheckRequests.Open.class);
        request.validate();
        String checkId = ids.get().toString();
        keys.answerOnce(req, res, writer, key, IdempotencyKeys.requestHash("checks/", body.tree()),
                (handle, ledger, by) -> checks.open(handle, ledger, checkId, request, by));
    }

    private void addRound(ServerRequest req, ServerResponse res) {
        String checkId = checkId(req);
        String key = IdempotencyKeys.required(req);
        JsonBody body = JsonBody.read(req);
        CheckRequests.Round request = body.as(CheckRequests.Round.class);
        request.validate();
        keys.answerOnce(req, res, writer, key, IdempotencyKeys.requestHash("checks/" + checkId + "/rounds", body.tree()),
                (handle, ledger, by) -> checks.addRound(handle, ledger, checkId, request, by));
    }

    private void pay(ServerRequest req, ServerResponse res) {
        String checkId = checkId(req);
        String key = IdempotencyKeys.required(req);
        JsonBody body = JsonBody.read(req);
        CheckRequests.Pay request = body.as(CheckRequests.Pay.class);
        request.validate();
        String saleId = ids.get().toString();
        keys.answerOnce(req, res, writer, key, IdempotencyKeys.requestHash("checks/" + checkId + "/payments", body.tree()),
                (handle, ledger, by) -> payments.pay(handle, ledger, checkId, saleId, request, by));
    }

    private void move(ServerRequest req, ServerResponse res) {
        String checkId = checkId(req);
        CheckRequests.Move request = JsonBody.read(req).as(CheckRequests.Move.class);
        request.validate();
        Actor by = Caller.of(req).actor();
        Json.ok(res, writer.submit((handle, ledger) -> checks.move(handle, ledger, checkId, request.tableId().strip(), by)));
    }

    private void merge(ServerRequest req, ServerResponse res) {
        String checkId = checkId(req);
        CheckRequests.Merge request = JsonBody.read(req).as(CheckRequests.Merge.class);
        request.validate();
        Actor by = Caller.of(req).actor();
        Json.ok(res, writer.submit((handle, ledger) -> checks.merge(handle, ledger, checkId, request.fromCheckId(), by)));
    }

    private void split(ServerRequest req, ServerResponse res) {
        String checkId = checkId(req);
        CheckRequests.Split request = JsonBody.read(req).as(CheckRequests.Split.class);
        request.validate();
        Actor by = Caller.of(req).actor();
        Json.ok(res, writer.submit((handle, ledger) -> payments.split(handle, ledger, checkId, request, by)));
    }

    /** A discount up to the cashier's limit is anyone's who rings sales; beyond it, a supervisor's. */
    private void discount(ServerRequest req, ServerResponse res) {
        String checkId = checkId(req);
        CheckRequests.Discount request = JsonBody.read(req).as(CheckRequests.Discount.class);
        request.validate();
        Caller caller = Caller.of(req);
        boolean overLimit = caller.may(Permission.DISCOUNT_OVER_LIMIT);
        Json.ok(res, writer.submit((handle, ledger) -> adjustments.discount(handle, ledger, checkId, request.rule(),
                request.reason() == null ? null : request.reason().strip(), overLimit, caller.actor())));
    }

    private void overridePrice(ServerRequest req, ServerResponse res) {
        String checkId = checkId(req);
        int lineNo = lineNo(req);
        CheckRequests.PriceOverride request = JsonBody.read(req).as(CheckRequests.PriceOverride.class);
        request.validate();
        Actor by = Caller.of(req).actor();
        Json.ok(res, writer.submit((handle, ledger) -> adjustments.overridePrice(handle, ledger, checkId, lineNo, request.unitPrice(),
                request.reason().strip(), by)));
    }

    private void list(ServerRequest req, ServerResponse res) {
        String status = req.query().first("status").orElse(Check.OPEN);
        if (!STATUSES.contains(status)) {
            throw Problem.invalid("status", "must be one of " + STATUSES);
        }
        Json.ok(res, Map.of("checks", jdbi.withHandle(handle -> CheckRows.withStatus(handle, status, MOST_LISTED))));
    }

    private void read(ServerRequest req, ServerResponse res) {
        String checkId = checkId(req);
        Json.ok(res, jdbi.withHandle(handle -> CheckWrites.find(handle, checkId)));
    }

    private static String checkId(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }

    private static int lineNo(ServerRequest req) {
        String lineNo = req.path().pathParameters().get("lineNo");
        try {
            return Integer.parseInt(lineNo);
        } catch (NumberFormatException notANumber) {
            throw Problem.notFound("line " + lineNo);
        }
    }
}
