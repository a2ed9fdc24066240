package backroom.edge.ingredients;

import static backroom.edge.ingredients.Kitchen.item;
import static backroom.edge.ingredients.Kitchen.onHand;
import static backroom.edge.ingredients.Kitchen.require;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.LiveScreen;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TestBox;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recipes through the API: a sale takes what its lines' recipes use (a variant's own, else its
 * product's) in its own write, a void gives it all back, a refund what its lines took as the recipe
 * was when sold; an open check's round takes them too; deliveries, counts and adjustments are
 * entries naming who made them; {@code stock.low} reaches the live feed once per crossing.
 */
class IngredientsTest {

    private static final String REGISTER = "r-recipes";

    private TestBox box;
    private Api api;
    private String shift;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        shift = api.openShift(REGISTER);
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aSaleTakesItsRecipesIngredientsAndAVoidOrARefundGivesThemBack() {
        latteRecipes();
        Map<String, Long> full = Map.of("beans", 1_000L, "milk", 5_000L, "cup", 50L);
        full.forEach((id, quantity) -> Kitchen.deliver(api, id, quantity));

        Reply first = require(Kitchen.sell(api, REGISTER, shift, List.of(item("coffee-latte", "regular", 2),
                item("coffee-latte", "large", 1), item("food-croissant", null, 1))), 201);
        assertThat(levels()).as("2 x (18 g, 200 ml, 1) by the latte's own recipe, 1 x (27 g, 300 ml, 1) by the large one's")
                .isEqualTo(Map.of("beans", 937L, "milk", 4_300L, "cup", 47L));
        JsonNode beans = api.get("/api/v1/ingredients/beans").body();
        JsonNode sold = beans.path("moves").get(0);
        assertThat(sold.path("kind").asText()).isEqualTo("sale");
        assertThat(sold.path("delta").asLong()).isEqualTo(-63);
        assertThat(sold.path("saleId").asText()).isEqualTo(first.field("saleId"));
        assertThat(sold.path("onHand").asLong()).isEqualTo(937);
        assertThat(sold.path("seq").asLong()).as("the sale's own write, before its entry").isLessThan(first.number("ledgerSeq"));

        require(api.voidSale(first.field("saleId"), "rang twice"), 200);
        assertThat(levels()).as("a void gives back all it took").isEqualTo(full);
        assertThat(api.get("/api/v1/ingredients/beans").body().path("moves").get(0).path("kind").asText()).isEqualTo("void");

        Reply second = require(Kitchen.sell(api, REGISTER, shift, List.of(item("coffee-latte", null, 3), item("coffee-latte", "large", 2))),
                201);
        assertThat(levels()).isEqualTo(Map.of("beans", 892L, "milk", 3_800L, "cup", 45L));
        Kitchen.recipe(api, "coffee-latte", "large", Map.of("beans", 40L, "milk", 300L, "cup", 1L));
        String saleId = second.field("saleId");
        require(api.post("/api/v1/sales/" + saleId + "/refunds", Map.of("reason", "spilled",
                "items", List.of(Map.of("lineNo", 2, "quantity", 1)))), 201);
        assertThat(levels()).as("one large latte back, as its recipe was when it was sold")
                .isEqualTo(Map.of("beans", 919L, "milk", 4_100L, "cup", 46L));
        require(api.post("/api/v1/sales/" + saleId + "/refunds", Map.of("reason", "cold")), 201);
        assertThat(levels()).as("the rest refunded: all back").isEqualTo(full);
    }

    @Test
    void anOpenChecksRoundTakesItsIngredients() {
        latteRecipes();
        Kitchen.deliver(api, "beans", 100);
        String checkId = require(api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("tableId", "t7")), 201)
                .field("checkId");
        require(api.postWithKey("/api/v1/checks/" + checkId + "/rounds", UUID.randomUUID().toString(),
                Map.of("items", List.of(item("coffee-latte", "large", 2)))), 201);
        assertThat(onHand(api, "beans")).isEqualTo(100 - 54);
        JsonNode moved = api.get("/api/v1/ingredients/beans").body().path("moves").get(0);
        assertThat(moved.path("saleId").asText()).as("under the round's id").isEqualTo(checkId + "-1");
        assertThat(onHand(api, "cup")).as("no cups were delivered, and cups may go short").isEqualTo(-2);
    }

    @Test
    void stockLowReachesTheLiveFeedOncePerCrossing() {
        Kitchen.define(api, "syrup", "ml", 100L, false);
        Kitchen.recipe(api, "coffee-americano", null, Map.of("syrup", 30L));
        Kitchen.deliver(api, "syrup", 200);
        List<JsonNode> lows = new ArrayList<>();
        try (LiveScreen screen = LiveScreen.connect(box.port(), "since=" + box.headSeq() + "&token=" + box.pairDevice("kds"))) {
            for (int i = 0; i < 5; i++) {
                require(Kitchen.sell(api, REGISTER, shift, List.of(item("coffee-americano", null, 1))), 201);
            }
            Kitchen.deliver(api, "syrup", 100);
            for (int i = 0; i < 2; i++) {
                require(Kitchen.sell(api, REGISTER, shift, List.of(item("coffee-americano", null, 1))), 201);
            }
            long head = box.headSeq();
            for (JsonNode message = screen.next(); ; message = screen.next()) {
                if (message.path("type").asText().equals("stock.low")) {
                    lows.add(message.path("data"));
                }
                if (message.path("seq").asLong() == head) {
                    break;
                }
            }
        }
        assertThat(lows).as("170, 140, 110, then 80 crosses; 50 stays low; 150 after the delivery, then 90 crosses again")
                .extracting(low -> low.path("onHand").asLong()).containsExactly(80L, 90L);
        assertThat(lows.getFirst().path("ingredientId").asText()).isEqualTo("syrup");
        assertThat(lows.getFirst().path("lowAt").asLong()).isEqualTo(100);
        assertThat(lows.getFirst().path("unit").asText()).isEqualTo("ml");
        assertThat(api.get("/api/v1/ingredients/syrup").body().path("ingredient").path("low").asBoolean()).isTrue();

        long before = box.headSeq();
        Kitchen.define(api, "syrup", "ml", 10L, false);
        assertThat(api.get("/api/v1/ingredients/syrup").body().path("ingredient").path("low").asBoolean())
                .as("90 is above the new mark").isFalse();
        Kitchen.define(api, "syrup", "ml", 10L, false);
        assertThat(box.headSeq()).as("the same definition again writes nothing").isEqualTo(before + 1);
        Kitchen.define(api, "syrup", "ml", 90L, false);
        assertThat(types(before)).as("a mark raised to the stock itself is a crossing").endsWith("ingredient.defined", "stock.low");
        Reply same = api.put("/api/v1/ingredients/syrup", Map.of("name", "Ingredient syrup", "unit", "ml", "lowAt", 90,
                "refuseWhenShort", false));
        assertThat(same.body().path("low").asBoolean()).as("the same definition answers the ingredient as it stands").isTrue();
        assertThat(same.body().path("onHand").asLong()).isEqualTo(90);
    }

    @Test
    void deliveriesCountsAndAdjustmentsAreEntriesNamingWhoMadeThem() {
        Kitchen.define(api, "flour", "g", null, false);
        Api supervisor = box.signedIn("supervisor");
        String key = UUID.randomUUID().toString();
        Map<String, Object> delivery = Map.of("quantity", 500, "note", "PO-88");
        Reply received = require(supervisor.postWithKey("/api/v1/ingredients/flour/deliveries", key, delivery), 201);
        assertThat(received.number("onHand")).isEqualTo(500);
        Reply again = require(supervisor.postWithKey("/api/v1/ingredients/flour/deliveries", key, delivery), 201);
        assertThat(again.text()).as("a retried delivery is received once").isEqualTo(received.text());
        assertThat(onHand(api, "flour")).isEqualTo(500);

        Reply counted = require(supervisor.postWithKey("/api/v1/ingredients/flour/counts", UUID.randomUUID().toString(),
                Map.of("counted", 480)), 201);
        assertThat(counted.number("delta")).as("the count's difference").isEqualTo(-20);
        Reply adjusted = require(supervisor.postWithKey("/api/v1/ingredients/flour/adjustments", UUID.randomUUID().toString(),
                Map.of("delta", -30, "reason", "spilled")), 201);
        assertThat(adjusted.number("onHand")).isEqualTo(450);

        List<JsonNode> moves = entries("ingredient.moved");
        assertThat(moves).extracting(move -> move.path("kind").asText()).containsExactly("received", "counted", "adjusted");
        assertThat(moves).extracting(move -> move.path("note").asText(null)).containsExactly("PO-88", null, "spilled");
        String supervisorId = moves.getFirst().path("by").path("staffId").asText();
        assertThat(supervisorId).isNotBlank();
        assertThat(moves).allSatisfy(move -> assertThat(move.path("by").path("staffId").asText()).isEqualTo(supervisorId));
        assertThat(moves).allSatisfy(move -> assertThat(move.path("by").path("role").asText()).isEqualTo("supervisor"));

        Api cashier = box.signedIn("cashier");
        assertThat(cashier.postWithKey("/api/v1/ingredients/flour/adjustments", UUID.randomUUID().toString(),
                Map.of("delta", -1, "reason", "ate it")).status()).isEqualTo(403);
        assertThat(cashier.put("/api/v1/ingredients/flour", Map.of("name", "Flour", "unit", "g")).status()).isEqualTo(403);
        assertThat(cashier.get("/api/v1/ingredients").body().path("ingredients").get(0).path("onHand").asLong()).isEqualTo(450);
    }

    /** Beans, milk and cups; a latte takes 18 g, 200 ml and a cup, a large one 27 g, 300 ml and a cup. */
    private void latteRecipes() {
        Kitchen.define(api, "beans", "g", null, false);
        Kitchen.define(api, "milk", "ml", null, false);
        Kitchen.define(api, "cup", "piece", null, false);
        Kitchen.recipe(api, "coffee-latte", null, Map.of("beans", 18L, "milk", 200L, "cup", 1L));
        Reply set = api.put("/api/v1/recipes/coffee-latte/variants/large", Map.of("ingredients", List.of(Map.of("ingredientId", "beans",
                "quantity", 27), Map.of("ingredientId", "milk", "quantity", 300), Map.of("ingredientId", "cup", "quantity", 1))));
        assertThat(set.body().path("variants").path("large")).as("the answer is the product's recipes as they stand").hasSize(3);
        assertThat(set.body().path("ingredients")).hasSize(3);
        JsonNode recipe = api.get("/api/v1/recipes/coffee-latte").body();
        assertThat(recipe.path("ingredients")).hasSize(3);
        assertThat(recipe.path("variants").path("large")).hasSize(3);
    }

    private Map<String, Long> levels() {
        Map<String, Long> levels = new LinkedHashMap<>();
        api.get("/api/v1/ingredients").body().path("ingredients")
                .forEach(ingredient -> levels.put(ingredient.path("id").asText(), ingredient.path("onHand").asLong()));
        return levels;
    }

    private List<JsonNode> entries(String type) {
        return box.box().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT payload FROM ledger WHERE type = :type ORDER BY seq").bind("type", type)
                .map((rs, ctx) -> Json.read(rs.getString(1)))
                .list());
    }

    private List<String> types(long after) {
        return box.box().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT type FROM ledger WHERE seq > :after ORDER BY seq").bind("after", after)
                .mapTo(String.class)
                .list());
    }
}
