package backroom.edge.stock;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.FieldError;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/stock/{productId}/adjustments {"delta":10,"reason":"delivery"}}: a delivery,
 * a count correction or waste, recorded as a {@code stock.adjusted} ledger entry.
 */
public final class StockService implements ApiRoutes.Resource {

    private static final long MAX_DELTA = 1_000_000;

    private final LedgerWriter writer;

    public StockService(LedgerWriter writer) {
        this.writer = writer;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/{productId}/adjustments", Permission.ADJUST_STOCK, this::adjust);
    }

    private void adjust(ServerRequest req, ServerResponse res) {
        String productId = req.path().pathParameters().get("productId");
        Adjustment adjustment = JsonBody.read(req).as(Adjustment.class);
        adjustment.validate();
        long onHand = writer.submit((handle, ledger) -> {
            long seq = ledger.nextSeq();
            long after = StockLevels.move(ledger.statements(),
                    new StockLevels.StockMove(productId, adjustment.delta(), adjustment.reason(), null, seq, ledger.now()), "delta");
            ledger.append("stock.adjusted", Map.of("productId", productId, "delta", adjustment.delta(),
                    "reason", adjustment.reason(), "onHand", after));
            return after;
        });
        Json.ok(res, Map.of("productId", productId, "onHand", onHand));
    }

    record Adjustment(Long delta, String reason) {
        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (delta == null || delta == 0 || Math.abs(delta) > MAX_DELTA) {
                errors.add(new FieldError("delta", "must be a non-zero whole number of at most " + MAX_DELTA + " either way"));
            }
            if (reason == null || reason.isBlank() || reason.length() > 64) {
                errors.add(new FieldError("reason", "is required (at most 64 characters)"));
            }
            if (!errors.isEmpty()) {
                throw Problem.invalid(errors);
            }
        }
    }
}
