package backroom.edge.ingredients;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.catalog.CatalogStore;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/recipes/{productId}}: what one unit of a product takes of each ingredient, and
 * {@code .../variants/{variantId}} what one of its variants takes instead. Set by a manager; a sale
 * takes it off the ingredients' stock in its own ledger write.
 */
public final class RecipeService implements ApiRoutes.Resource {

    private final Jdbi jdbi;
    private final LedgerWriter writer;

    public RecipeService(Jdbi jdbi, LedgerWriter writer) {
        this.jdbi = jdbi;
        this.writer = writer;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/{productId}", Permission.READ_CATALOG, this::read)
                .put("/{productId}", Permission.EDIT_CATALOG, this::set)
                .put("/{productId}/variants/{variantId}", Permission.EDIT_CATALOG, this::set);
    }

    private void read(ServerRequest req, ServerResponse res) {
        String productId = req.path().pathParameters().get("productId");
        Json.ok(res, jdbi.withHandle(handle -> {
            CatalogStore.product(handle, productId).orElseThrow(() -> Problem.notFound("product " + productId));
            return IngredientReads.recipe(handle, productId);
        }));
    }

    private void set(ServerRequest req, ServerResponse res) {
        String productId = req.path().pathParameters().get("productId");
        String variantId = req.path().pathParameters().first("variantId").orElse(null);
        IngredientEntries.RecipeSet recipe = JsonBody.read(req).as(IngredientRequests.Recipe.class)
                .validated(productId, variantId, Caller.of(req).actor());
        Json.ok(res, writer.submit((handle, ledger) -> Recipes.set(handle, ledger, recipe)));
    }
}
