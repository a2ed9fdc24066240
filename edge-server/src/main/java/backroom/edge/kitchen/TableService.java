package backroom.edge.kitchen;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Permission;
import backroom.edge.web.Json;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@code GET /api/v1/tables}: every table an order has named, occupied or available, with its open order. */
public final class TableService implements ApiRoutes.Resource {

    private final Jdbi jdbi;

    public TableService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/", Permission.READ_ORDERS, this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Json.ok(res, Map.of("tables", jdbi.withHandle(Tables::all)));
    }
}
