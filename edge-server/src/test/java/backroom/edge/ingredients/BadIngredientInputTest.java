package backroom.edge.ingredients;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Refusals;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TestBox;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad ingredients, recipes, deliveries, counts and adjustments are refused naming each bad field, and write nothing. */
class BadIngredientInputTest {

    private TestBox box;
    private Api api;
    private long head;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        Kitchen.define(api, "beans", "g", null, false);
        head = box.headSeq();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aBadIngredientIsRefusedNamingEveryBadField() {
        refused(() -> api.put("/api/v1/ingredients/milk", Map.of("name", " ", "unit", "litre", "lowAt", -1)), 422, "name", "unit", "lowAt");
        refused(() -> api.put("/api/v1/ingredients/milk", Map.of("unit", "ml", "lowAt", 1_000_000_001L)), 422, "name", "lowAt");
        refused(() -> api.put("/api/v1/ingredients/" + "m".repeat(65), Map.of("name", "Milk", "unit", "ml")), 422, "id");
        refused(() -> api.put("/api/v1/ingredients/beans", Map.of("name", "Beans", "unit", "piece")), 409, "unit");
    }

    @Test
    void anIngredientShortOfStockCannotBeMadeToRefuseToGoShort() {
        Kitchen.define(api, "cup", "piece", null, false);
        Kitchen.recipe(api, "coffee-latte", null, Map.of("cup", 1L));
        String shift = api.openShift("r1");
        Kitchen.require(Kitchen.sell(api, "r1", shift, List.of(Kitchen.item("coffee-latte", null, 1))), 201);
        head = box.headSeq();
        refused(() -> api.put("/api/v1/ingredients/cup", Map.of("name", "Cup", "unit", "piece", "refuseWhenShort", true)), 409,
                "refuseWhenShort");
        Kitchen.deliver(api, "cup", 1);
        Reply atZero = api.put("/api/v1/ingredients/cup", Map.of("name", "Cup", "unit", "piece", "refuseWhenShort", true));
        assertThat(atZero.status()).as("at zero it may refuse to go short").isEqualTo(200);
        assertThat(atZero.body().path("refuseWhenShort").asBoolean()).isTrue();
        assertThat(atZero.body().path("onHand").asLong()).isZero();
    }

    @Test
    void aBadRecipeIsRefusedNamingEveryBadLine() {
        refused(() -> api.put("/api/v1/recipes/coffee-latte", Map.of()), 422, "ingredients");
        refused(() -> api.put("/api/v1/recipes/coffee-latte", Map.of("ingredients", List.of(line("beans", 0), line("beans", 5),
                line("bad id", 1)))), 422, "ingredients[0].quantity", "ingredients[1].ingredientId", "ingredients[2].ingredientId");
        refused(() -> api.put("/api/v1/recipes/coffee-latte", Map.of("ingredients", List.of(line("beans", 1), line("sugar", 1)))), 422,
                "ingredients[1].ingredientId");
        refused(() -> api.put("/api/v1/recipes/no-such-product", Map.of("ingredients", List.of(line("beans", 1)))), 404);
        refused(() -> api.put("/api/v1/recipes/coffee-latte/variants/venti", Map.of("ingredients", List.of(line("beans", 1)))), 404);
        assertThat(api.get("/api/v1/recipes/no-such-product").status()).isEqualTo(404);
    }

    @Test
    void aBadDeliveryCountOrAdjustmentIsRefusedNamingTheField() {
        String beans = "/api/v1/ingredients/beans";
        refused(() -> api.post(beans + "/deliveries", Map.of("quantity", 5)), 400, "Idempotency-Key");
        refused(() -> keyed(beans + "/deliveries", Map.of("quantity", 0, "note", " ")), 422, "quantity", "note");
        refused(() -> keyed(beans + "/deliveries", Map.of("quantity", 1_000_000_001L)), 422, "quantity");
        refused(() -> keyed(beans + "/counts", Map.of("counted", -1)), 422, "counted");
        refused(() -> keyed(beans + "/adjustments", Map.of("delta", 0)), 422, "delta", "reason");
        refused(() -> keyed(beans + "/adjustments", Map.of("delta", -1, "reason", "x".repeat(201))), 422, "reason");
        refused(() -> keyed("/api/v1/ingredients/sugar/deliveries", Map.of("quantity", 5)), 404);
        refused(() -> keyed("/api/v1/ingredients/sugar/counts", Map.of("counted", 5)), 404);
        assertThat(api.get("/api/v1/ingredients/sugar").status()).isEqualTo(404);
    }

    @Test
    void anAdjustmentOfAnIngredientThatRefusesToGoShortCannotTakeItBelowZero() {
        Kitchen.define(api, "cup", "piece", null, true);
        Kitchen.deliver(api, "cup", 3);
        head = box.headSeq();
        Reply tooFew = keyed("/api/v1/ingredients/cup/adjustments", Map.of("delta", -4, "reason", "broken"));
        assertThat(tooFew.body().path("detail").asText()).isEqualTo("delta: only 3 piece of Ingredient cup in stock, short of 4 by 1");
        refused(() -> keyed("/api/v1/ingredients/cup/adjustments", Map.of("delta", -4, "reason", "broken")), 409, "delta");
        assertThat(Kitchen.onHand(api, "cup")).isEqualTo(3);
        Kitchen.require(keyed("/api/v1/ingredients/cup/adjustments", Map.of("delta", -3, "reason", "broken")), 201);
        assertThat(Kitchen.onHand(api, "cup")).as("to zero exactly").isZero();
    }

    private Reply keyed(String path, Map<String, Object> body) {
        return api.postWithKey(path, UUID.randomUUID().toString(), body);
    }

    private static Map<String, Object> line(String ingredientId, long quantity) {
        return Map.of("ingredientId", ingredientId, "quantity", quantity);
    }

    private void refused(Supplier<Reply> call, int status, String... fields) {
        Refusals.assertRefused(box, head, call, status, fields);
    }
}
