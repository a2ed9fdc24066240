package backroom.edge.testing;

import java.util.List;
import java.util.Map;

/** Sale request bodies for tests, built as plain maps so tests can also break them. */
public final class Sales {

    private Sales() {
    }

    /** The worked example: 2 x large latte with an extra shot, paid 100,000 cash. */
    public static Map<String, Object> twoLargeLattesWithExtraShot(String registerId, String shiftId) {
        return sale(registerId, shiftId,
                List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))),
                List.of(payment("cash", 100_000)));
    }

    public static Map<String, Object> sale(String registerId, String shiftId, List<Map<String, Object>> items,
                                           List<Map<String, Object>> payments) {
        return Map.of("registerId", registerId, "shiftId", shiftId, "orderType", "takeaway",
                "items", items, "payments", payments);
    }

    public static Map<String, Object> item(String productId, String variantId, int quantity, List<String> modifierIds) {
        return variantId == null
                ? Map.of("productId", productId, "quantity", quantity, "modifierIds", modifierIds)
                : Map.of("productId", productId, "variantId", variantId, "quantity", quantity, "modifierIds", modifierIds);
    }

    public static Map<String, Object> payment(String method, long amount) {
        return Map.of("method", method, "amount", amount);
    }

    /** One of {@code productId} paid exactly by card. */
    public static Map<String, Object> one(String registerId, String shiftId, String productId, long cardAmount) {
        return sale(registerId, shiftId, List.of(item(productId, null, 1, List.of())), List.of(payment("card", cardAmount)));
    }
}
