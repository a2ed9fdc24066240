package backroom.edge.printing;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Permission;
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
 * {@code POST /api/v1/pole-display/{registerId} {"name":"Latte","quantity":2,"amount":60000,"total":129000,"currency":"IDR"}}:
 * the till shows the line it just rang and the running total to the customer. The end of the sale
 * (total and change) the box shows itself once the sale is on disk.
 */
public final class PoleDisplayService implements ApiRoutes.Resource {

    private static final long MOST = 1_000_000_000_000_000L;

    private final PoleDisplays poles;

    public PoleDisplayService(PoleDisplays poles) {
        this.poles = poles;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/{registerId}", Permission.RING_SALE, this::showLine);
    }

    private void showLine(ServerRequest req, ServerResponse res) {
        String registerId = req.path().pathParameters().get("registerId");
        LineShown line = JsonBody.read(req).as(LineShown.class);
        line.validate();
        List<String> lines = poles.showLine(registerId, line.quantity(), line.name(), line.amount(), line.total(), line.currency())
                .orElseThrow(() -> Problem.notFound("pole display for register " + registerId));
        Json.ok(res, Map.of("registerId", registerId, "lines", lines));
    }

    record LineShown(String name, Integer quantity, Long amount, Long total, String currency) {
        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (name == null || name.isBlank() || name.length() > 200) {
                errors.add(new FieldError("name", "is required (at most 200 characters)"));
            }
            if (quantity == null || quantity < 1 || quantity > 9_999) {
                errors.add(new FieldError("quantity", "must be a whole number from 1 to 9999"));
            }
            if (amount == null || amount < 0 || amount > MOST) {
                errors.add(new FieldError("amount", "must be minor units from 0 to 10^18"));
            }
            if (total == null || total < 0 || total > MOST) {
                errors.add(new FieldError("total", "must be minor units from 0 to 10^18"));
            }
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                errors.add(new FieldError("currency", "must be an ISO 4217 code such as IDR"));
            }
            if (!errors.isEmpty()) {
                throw Problem.invalid(errors);
            }
        }
    }
}
