package backroom.edge.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sales that send the kitchen orders, for the kitchen's tests: paid in cash, of an order type and on a table. */
final class KitchenTill {

    private KitchenTill() {
    }

    /** Rings {@code items} on {@code register}'s {@code shift} as an {@code orderType} sale on {@code tableId} (or none); fails unless 201. */
    @SafeVarargs
    static Reply ring(Api api, String register, String shift, String orderType, String tableId, Map<String, Object>... items) {
        Map<String, Object> sale = new HashMap<>(Sales.sale(register, shift, List.of(items), List.of(Sales.payment("cash", 500_000))));
        sale.put("orderType", orderType);
        if (tableId != null) {
            sale.put("tableId", tableId);
        }
        Reply reply = api.ringSale(sale);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    /** Two large lattes with an extra shot, "no sugar": the bar's. */
    static Map<String, Object> latteWithNotes() {
        return Map.of("productId", "coffee-latte", "variantId", "large", "quantity", 2, "modifierIds", List.of("extra-shot"),
                "notes", "no sugar");
    }

    /** One croissant: the kitchen's. */
    static Map<String, Object> croissant() {
        return Sales.item("food-croissant", null, 1, List.of());
    }
}
