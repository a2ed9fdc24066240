package backroom.edge.sales;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Permission;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.ledger.CanonicalJson;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.ledger.Sha256;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/v1/sales}: ring a sale, list and read sales, void one. */
public final class SalesService implements ApiRoutes.Resource {

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Supplier<UUID> ids;
    private final SaleWrites writes;

    public SalesService(Jdbi jdbi, LedgerWriter writer, CurrentPriceList prices, Supplier<UUID> ids) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.ids = ids;
        this.writes = new SaleWrites(prices);
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/", Permission.RING_SALE, this::ringSale)
                .get("/", Permission.READ_SALES, this::listSales)
                .get("/{id}", Permission.READ_SALES, this::getSale)
                .post("/{id}/void", Permission.VOID_SALE, this::voidSale);
    }

    private void ringSale(ServerRequest req, ServerResponse res) {
        String key = idempotencyKey(req);
        JsonBody body = JsonBody.read(req);
        String requestHash = Sha256.hex(CanonicalJson.write(body.tree()));
        // The key is looked up by the write, in the ledger writer's memory of recent keys: a read
        // on a pooled connection here cost the request threads more than the sale's whole write.
        SaleRequest request = body.as(SaleRequest.class);
        SaleRequestRules.check(request);
        var sale = new SaleWrites.NewSale(ids.get().toString(), key, requestHash, request);
        IdempotencyKeys.StoredAnswer answer = writer.submit((handle, ledger) -> writes.ring(handle, ledger, sale));
        Json.sendText(res, answer.status(), answer.body());
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
        Json.ok(res, writer.submit((handle, ledger) -> writes.voidSale(handle, ledger, saleId, body.reason())));
    }

    private static String idempotencyKey(ServerRequest req) {
        String key = req.headers().first(HeaderNames.create("Idempotency-Key")).orElse("").strip();
        if (key.isEmpty() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
            throw Problem.malformed("Idempotency-Key", "header is required (at most " + IdempotencyKeys.MAX_KEY_LENGTH + " characters)");
        }
        return key;
    }

    record VoidRequest(String reason) {
        void validate() {
            if (reason == null || reason.isBlank() || reason.length() > 500) {
                throw Problem.invalid("reason", "is required (at most 500 characters)");
            }
        }
    }
}
