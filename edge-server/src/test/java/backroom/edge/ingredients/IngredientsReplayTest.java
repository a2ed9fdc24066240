package backroom.edge.ingredients;

import static backroom.edge.ingredients.Kitchen.item;
import static backroom.edge.ingredients.Kitchen.require;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.ReplayedDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A box rebuilt from its ledger holds every ingredient as the old box left it: its stock, its low
 * mark and whether it is low, every recipe, every movement and what each sold line took per unit.
 */
class IngredientsReplayTest {

    private static final List<String> TABLES = List.of("ingredients", "recipe_lines", "ingredient_moves", "ingredient_uses");

    @Test
    void aRebuiltBoxHoldsEveryIngredientRecipeAndMovement() {
        ReplayedDay.rebuildsTheSame(IngredientsReplayTest::aDayOfRecipes, TABLES, rebuilt -> {
            assertThat(RebuiltCopy.rows(rebuilt, "ingredient_moves", Set.of())).hasSize(12);
            assertThat(RebuiltCopy.rows(rebuilt, "ingredients", Set.of()))
                    .anySatisfy(row -> assertThat(row).containsEntry("id", "beans").containsEntry("is_low", "TRUE").containsEntry("on_hand", "145"));
        });
    }

    /** Beans and milk delivered; lattes sold (one voided, one refunded in part), a recipe changed, a count and an adjustment. */
    private static void aDayOfRecipes(Api api) {
        String shift = api.openShift("r1");
        Kitchen.define(api, "beans", "g", 150L, false);
        Kitchen.define(api, "milk", "ml", null, true);
        Kitchen.recipe(api, "coffee-latte", null, Map.of("beans", 18L, "milk", 200L));
        Kitchen.recipe(api, "coffee-latte", "large", Map.of("beans", 27L, "milk", 300L));
        Kitchen.deliver(api, "beans", 250);
        Kitchen.deliver(api, "milk", 2_000);
        String voided = require(Kitchen.sell(api, "r1", shift, List.of(item("coffee-latte", null, 1))), 201).field("saleId");
        require(api.voidSale(voided, "rang twice"), 200);
        String refunded = require(Kitchen.sell(api, "r1", shift, List.of(item("coffee-latte", "regular", 1),
                item("coffee-latte", "large", 2))), 201).field("saleId");
        Kitchen.recipe(api, "coffee-latte", "large", Map.of("beans", 30L));
        require(api.post("/api/v1/sales/" + refunded + "/refunds", Map.of("reason", "cold",
                "items", List.of(Map.of("lineNo", 2, "quantity", 1)))), 201);
        require(api.postWithKey("/api/v1/ingredients/milk/counts", UUID.randomUUID().toString(), Map.of("counted", 1_100)), 201);
        require(api.postWithKey("/api/v1/ingredients/beans/adjustments", UUID.randomUUID().toString(),
                Map.of("delta", -60, "reason", "spilled")), 201);
    }
}
