package backroom.edge.sales;

import backroom.edge.access.Actor;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.ledger.CanonicalJson;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.ledger.Sha256;
import backroom.edge.printing.PoleDisplays;
import backroom.edge.printing.PrintQueue;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/v1/sales}: ring a sale, list and read sales, void one, refund some or all of one, print its receipt again. */
public final class SalesService implements ApiRoutes.Resource {

    private static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Supplier<UUID> ids;
    private final SaleWrites writes;
    private final RefundWrites refunds;

    private final PrintQueue printing;
    private final PoleDisplays poles;

    public SalesService(Jdbi jdbi, LedgerWriter writer, CurrentPriceList prices, Supplier<UUID> ids, PrintQueue printing,
                        PoleDisplays poles) {
        this.printing = printing;
        this.poles = poles;
        this.jdbi = jdbi;
        this.writer = writer;
        this.ids = ids;
        IdempotencyKeys keys = new IdempotencyKeys();
        // Queued, not waited for: the box serves while the writer's thread loads the keys (a second
        // at 100,000 keys), and a sale that comes sooner waits behind the load in the writer's queue.
        // Should the load fail, the first sale loads them (IdempotencyKeys.replay).
        writer.enqueue((handle, ledger) -> {
            keys.loadOnce(handle, ledger.now());
            return null;
        });
        this.writes = new SaleWrites(prices, keys, printing);
        this.refunds = new RefundWrites(keys);
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/", Permission.RING_SALE, this::ringSale)
                .get("/", Permission.READ_SALES, this::listSales)
                .get("/{id}", Permission.READ_SALES, this::getSale)
                .post("/{id}/void", Permission.VOID_SALE, this::voidSale)
                .post("/{id}/refunds", Permission.REFUND_SALE, this::refundSale)
                .post("/{id}/reprint", Permission.REPRINT_RECEIPT, this::reprintReceipt);
    }

    private void ringSale(ServerRequest req, ServerResponse res) {
        String key = idempotencyKey(req);
        JsonBody body = JsonBody.read(req);
        String requestHash = Sha256.hex(CanonicalJson.write(body.tree()));
        // The key is looked up by the write, in the ledger writer's memory of recent keys: a read
        // on a pooled connection here cost the request threads more than the sale's whole write.
        SaleRequest request = body.as(SaleRequest.class);
        SaleRequestRules.check(request);
        var sale = new SaleWrites.NewSale(ids.get().toString(), key, requestHash, request, Caller.of(req).actor());
        IdempotencyKeys.StoredAnswer answer = writer.submit((handle, ledger) -> writes.ring(handle, ledger, sale));
        Json.sendText(res, answer.status(), answer.body());
        showChange(request.registerId(), answer);
    }

    /** The customer's display shows what the sale came to and the change, once it is on disk. */
    private void showChange(String registerId, IdempotencyKeys.StoredAnswer answer) {
        if (answer.status() == 201 && poles.shownAt(registerId)) {
            JsonNode receipt = Json.read(answer.body());
            poles.showChange(registerId, receipt.path("grandTotal").asLong(), receipt.path("change").asLong(),
                    receipt.path("currency").asText());
        }
    }

    private void listSales(ServerRequest req, ServerResponse res) {
        SalesPage.Query query = SalesPage.Query.from(req.query());
        Json.ok(res, jdbi.withHandle(handle -> SalesPage.read(handle, query)));
    }

    private void getSale(ServerRequest req, ServerResponse res) {
        String saleId = req.path().pathParameters().get("id");
        Json.ok(res, jdbi.withHandle(handle -> SaleTables.find(handle, saleId)).orElseThrow(() -> Problem.notFound("sale " + saleId)));
    }

    private void voidSale(ServerRequest req, ServerResponse res) {
        String saleId = req.path().pathParameters().get("id");
        VoidRequest body = JsonBody.read(req).as(VoidRequest.class);
        body.validate();
        Actor by = Caller.of(req).actor();
        Json.ok(res, writer.submit((handle, ledger) -> writes.voidSale(handle, ledger, saleId, body.reason(), by)));
    }

    /** An Idempotency-Key is optional here: without one, a retry is refused once nothing is left to refund. */
    private void refundSale(ServerRequest req, ServerResponse res) {
        String saleId = req.path().pathParameters().get("id");
        String key = req.headers().first(IDEMPOTENCY_KEY).map(String::strip).orElse(null);
        if (key != null) {
            requireUsable(key);
        }
        JsonBody body = JsonBody.read(req);
        RefundRequest request = body.as(RefundRequest.class);
        request.validate();
        String requestHash = Sha256.hex(saleId + "\n" + CanonicalJson.write(body.tree()));
        var refund = new RefundWrites.NewRefund(ids.get().toString(), saleId, request, Caller.of(req).actor(), key, requestHash);
        IdempotencyKeys.StoredAnswer answer = writer.submit((handle, ledger) -> refunds.refund(handle, ledger, refund));
        Json.sendText(res, answer.status(), answer.body());
    }

    /** The sale's receipt once more, headed COPY, on its register's printer; logged in the ledger. 202: it prints shortly. */
    private void reprintReceipt(ServerRequest req, ServerResponse res) {
        String saleId = req.path().pathParameters().get("id");
        Actor by = Caller.of(req).actor();
        String jobId = writer.submit((handle, ledger) -> {
            Sale sale = SaleTables.find(handle, saleId).orElseThrow(() -> Problem.notFound("sale " + saleId));
            return printing.reprint(handle, ledger, saleId, sale.registerId(), by);
        });
        Json.send(res, 202, java.util.Map.of("saleId", saleId, "jobId", jobId));
    }

    private static String idempotencyKey(ServerRequest req) {
        String key = req.headers().first(IDEMPOTENCY_KEY).orElse("").strip();
        requireUsable(key);
        return key;
    }

    private static void requireUsable(String key) {
        if (key.isEmpty() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
            throw Problem.malformed("Idempotency-Key", "header is required (at most " + IdempotencyKeys.MAX_KEY_LENGTH + " characters)");
        }
    }

    record VoidRequest(String reason) {
        void validate() {
            if (reason == null || reason.isBlank() || reason.length() > 500) {
                throw Problem.invalid("reason", "is required (at most 500 characters)");
            }
        }
    }
}
