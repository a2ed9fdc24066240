package backroom.edge.catalog;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /api/v1/catalog}: the whole catalog, and upserting one product. */
public final class CatalogService implements ApiRoutes.Resource {

    private final CatalogStore store;
    private final LedgerWriter writer;
    private final CurrentPriceList prices;

    public CatalogService(CatalogStore store, LedgerWriter writer, CurrentPriceList prices) {
        this.store = store;
        this.writer = writer;
        this.prices = prices;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/", Permission.READ_CATALOG, this::getCatalog)
                .put("/products/{id}", Permission.EDIT_CATALOG, this::upsertProduct);
    }

    private void getCatalog(ServerRequest req, ServerResponse res) {
        Json.ok(res, store.catalog());
    }

    private void upsertProduct(ServerRequest req, ServerResponse res) {
        String productId = req.path().pathParameters().get("id");
        ProductRequest body = JsonBody.read(req).as(ProductRequest.class);
        Product saved = writer.submit((handle, ledger) -> {
            prices.forget();
            Set<String> taxIds = CatalogStore.taxes(handle).stream().map(TaxRate::id).collect(Collectors.toSet());
            Set<String> categoryIds = CatalogStore.categories(handle).stream().map(Category::id).collect(Collectors.toSet());
            return CatalogWrites.upsertProduct(handle, ledger, body.toProduct(productId, taxIds, categoryIds));
        });
        Json.ok(res, saved);
    }
}
