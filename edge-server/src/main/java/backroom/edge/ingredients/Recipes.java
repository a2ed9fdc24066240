package backroom.edge.ingredients;

import backroom.edge.catalog.CatalogStore;
import backroom.edge.catalog.Product;
import backroom.edge.ingredients.IngredientEntries.RecipeLine;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Sets a product's or a variant's recipe in the caller's ledger write, as a {@code recipe.set}
 * entry: the product and variant must be in the catalog and every ingredient defined. A recipe the
 * same as the one held writes nothing; an empty one leaves the product (or variant) with none.
 */
final class Recipes {

    private Recipes() {
    }

    static ProductRecipe set(Handle handle, LedgerAppender ledger, IngredientEntries.RecipeSet recipe) {
        Product product = CatalogStore.product(handle, recipe.productId())
                .orElseThrow(() -> Problem.notFound("product " + recipe.productId()));
        if (recipe.variantId() != null && product.variant(recipe.variantId()).isEmpty()) {
            throw Problem.notFound("variant " + recipe.variantId() + " of product " + recipe.productId());
        }
        WriterStatements statements = ledger.statements();
        List<RecipeLine> lines = recipe.ingredients();
        for (int i = 0; i < lines.size(); i++) {
            String id = lines.get(i).ingredientId();
            if (IngredientRows.find(statements, id).isEmpty()) {
                throw Problem.invalid("ingredients[" + i + "].ingredientId", "no ingredient " + id + ": define it first");
            }
        }
        Map<String, List<RecipeLine>> held = IngredientRows.recipesOf(statements, recipe.productId());
        List<RecipeLine> before = held.getOrDefault(IngredientRows.variantKey(recipe.variantId()), List.of());
        if (!sorted(before).equals(sorted(lines))) {
            IngredientRows.setRecipe(statements, recipe, ledger.nextSeq());
            ledger.append(IngredientEntries.RECIPE_SET, recipe);
        }
        Map<String, List<RecipeLine>> now = new TreeMap<>(held);
        now.remove(IngredientRows.variantKey(recipe.variantId()));
        if (!lines.isEmpty()) {
            now.put(IngredientRows.variantKey(recipe.variantId()), sorted(lines));
        }
        return ProductRecipe.of(recipe.productId(), now);
    }

    private static List<RecipeLine> sorted(List<RecipeLine> lines) {
        return lines.stream().sorted(Comparator.comparing(RecipeLine::ingredientId)).toList();
    }

    /** A product's recipe and each of its variants' own, as a recipe answer shows them. */
    record ProductRecipe(String productId, List<RecipeLine> ingredients, Map<String, List<RecipeLine>> variants) {

        static ProductRecipe of(String productId, Map<String, List<RecipeLine>> recipes) {
            Map<String, List<RecipeLine>> variants = new TreeMap<>(recipes);
            List<RecipeLine> own = variants.remove("");
            return new ProductRecipe(productId, own == null ? List.of() : own, variants);
        }
    }
}
