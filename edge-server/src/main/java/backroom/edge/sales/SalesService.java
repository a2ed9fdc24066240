package backroom.edge.sales;

import backroom.edge.access.Actor;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.catalog.PriceList;
import backroom.edge.idempotency.IdempotencyKeys;
import backroom.edge.ledger.CanonicalJson;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.ledger.Sha256;
import backroom.edge.printing.PoleDisplays;
import backroom.edge.printing.PrintQueue;
import backroom.edge.web.FieldChecks;
import backroom.edge.web.FieldError;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/v1/sales}: ring a sale, list and read sales, void one, refund some or all of one, print its receipt again. */
public final class SalesService implements ApiRoutes.Resource {

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Supplier<UUID> ids;
    private final SaleWrites writes;
    private final RefundWrites refunds;

    private final PrintQueue printing;
    private final PoleDisplays poles;

    public SalesService(Jdbi jdbi, LedgerWriter writer, CurrentPriceList prices, Supplier<UUID> ids, IdempotencyKeys keys,
                        PrintQueue printing, PoleDisplays poles) {
        this.printing = printing;
        this.poles = poles;
        this.jdbi = jdbi;
        this.writer = writer;
        this.ids = ids;
        this.writes = new SaleWrites(prices, keys, printing);
        this.refunds = new RefundWrites(keys);
    }

    /** Payments taken later for items taken now, rung as sales by this room's writes: for open checks. */
    public LaterPayments laterPayments() {
        return new LaterPayments(writes);
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/", Permission.RING_SALE, this::ringSale)
                .post("/quote", Permission.RING_SALE, this::quote)
                .get("/", Permission.READ_SALES, this::listSales)
                .get("/{id}", Permission.READ_SALES, this::getSale)
                .post("/{id}/void", Permission.VOID_SALE, this::voidSale)
                .post("/{id}/refunds", Permission.REFUND_SALE, this::refundSale)
                .post("/{id}/reprint", Permission.REPRINT_RECEIPT, this::reprintReceipt);
    }

    private void ringSale(ServerRequest req, ServerResponse res) {
        String key = IdempotencyKeys.required(req);
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

    /**
     * What the items would come to, priced as a sale of them would be, writing nothing: the till
     * shows the total with tax, service charge and rounding before it takes the payment.
     */
    private void quote(ServerRequest req, ServerResponse res) {
        QuoteRequest request = JsonBody.read(req).as(QuoteRequest.class);
        List<FieldError> errors = new ArrayList<>();
        SaleRequestRules.checkItems(errors, request.items());
        FieldChecks.throwIfAny(errors);
        Json.ok(res, jdbi.withHandle(handle -> {
            PriceList priceList = PriceList.current(handle);
            SaleLines priced = LaterPayments.price(priceList, request.items(), 1);
            Totals totals = LaterPayments.total(priced.lines(), priceList);
            return new Quote(priceList.settings().currency(), priced.lines(), totals.subtotal(), totals.taxTotal(),
                    totals.serviceCharge(), totals.rounding(), totals.grandTotal());
        }));
    }

    /** The body of {@code POST /api/v1/sales/quote}: items as a sale takes them. */
    record QuoteRequest(List<SaleRequest.Item> items) {
    }

    /** What {@code POST /api/v1/sales/quote} answers: the priced lines and what they come to. */
    record Quote(String currency, List<SaleLine> lines, long subtotal, long taxTotal, long serviceCharge, long rounding, long grandTotal) {
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
        String key = IdempotencyKeys.optional(req).orElse(null);
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

    record VoidRequest(String reason) {
        void validate() {
            if (reason == null || reason.isBlank() || reason.length() > 500) {
                throw Problem.invalid("reason", "is required (at most 500 characters)");
            }
        }
    }
}
