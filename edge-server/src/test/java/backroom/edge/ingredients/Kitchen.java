package backroom.edge.ingredients;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The ingredient and recipe calls the tests make, each required to succeed. */
final class Kitchen {

    private Kitchen() {
    }

    static void define(Api api, String id, String unit, Long lowAt, boolean refuseWhenShort) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Ingredient " + id, "unit", unit, "refuseWhenShort", refuseWhenShort));
        if (lowAt != null) {
            body.put("lowAt", lowAt);
        }
        require(api.put("/api/v1/ingredients/" + id, body), 200);
    }

    /** {@code variantId} null: the product's own recipe. */
    static void recipe(Api api, String productId, String variantId, Map<String, Long> perUnit) {
        String path = "/api/v1/recipes/" + productId + (variantId == null ? "" : "/variants/" + variantId);
        List<Map<String, Object>> lines = perUnit.entrySet().stream()
                .map(line -> Map.<String, Object>of("ingredientId", line.getKey(), "quantity", line.getValue()))
                .toList();
        require(api.put(path, Map.of("ingredients", lines)), 200);
    }

    static Reply deliver(Api api, String id, long quantity) {
        return require(api.postWithKey("/api/v1/ingredients/" + id + "/deliveries", UUID.randomUUID().toString(),
                Map.of("quantity", quantity, "note", "supplier")), 201);
    }

    static long onHand(Api api, String id) {
        return require(api.get("/api/v1/ingredients/" + id), 200).body().path("ingredient").path("onHand").asLong();
    }

    /** A sale of the items, paid in cash with change; its reply as it came. */
    static Reply sell(Api api, String register, String shift, List<Map<String, Object>> items) {
        return api.ringSale(Sales.sale(register, shift, items, List.of(Sales.payment("cash", 2_000_000))));
    }

    static Map<String, Object> item(String productId, String variantId, int quantity) {
        return Sales.item(productId, variantId, quantity, List.of());
    }

    static Reply require(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }
}
