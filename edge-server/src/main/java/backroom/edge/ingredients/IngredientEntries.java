package backroom.edge.ingredients;

import backroom.edge.access.Actor;
import java.util.List;

/** The ledger entries of ingredients and recipes, and what each carries. */
public final class IngredientEntries {

    public static final String DEFINED = "ingredient.defined";
    public static final String MOVED = "ingredient.moved";
    public static final String RECIPE_SET = "recipe.set";
    public static final String LOW = "stock.low";

    private IngredientEntries() {
    }

    /** An ingredient made or changed: its name, unit, low mark and whether it may be oversold. */
    public record Defined(String id, String name, String unit, Long lowAt, boolean refuseWhenShort, Actor by) {
    }

    /** The recipe of a product ({@code variantId} null) or of one of its variants; none left when {@code ingredients} is empty. */
    public record RecipeSet(String productId, String variantId, List<RecipeLine> ingredients, Actor by) {

        public RecipeSet {
            ingredients = List.copyOf(ingredients);
        }
    }

    /** So much of an ingredient per unit sold. */
    public record RecipeLine(String ingredientId, long quantity) {
    }

    /** An ingredient fell to its low mark or below. */
    public record Low(String ingredientId, String name, String unit, long onHand, long lowAt) {
    }
}
