package backroom.edge.selforder;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.ReplayedDay;
import backroom.edge.testing.Reply;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A box rebuilt from its ledger holds every table taking guests' orders, the menu's allergens and every guest's order as the old box left them. */
class SelfOrderReplayTest {

    private static final List<String> TABLES = List.of("self_order_tables", "menu_allergens", "self_orders", "checks", "check_lines");

    @Test
    void aRebuiltBoxHoldsTheTablesTheAllergensAndEveryGuestsOrder() {
        ReplayedDay.rebuildsTheSame(SelfOrderReplayTest::anEveningOfGuests, TABLES, rebuilt -> {
            assertThat(RebuiltCopy.rows(rebuilt, "self_orders", Set.of())).hasSize(3)
                    .anySatisfy(row -> assertThat(row).containsEntry("status", "paid"));
        });
    }

    /** Two tables (one paying later, its code renewed), allergens, three orders, one rung at the till. */
    private static void anEveningOfGuests(Api api) {
        require(api.put("/api/v1/self-order/menu/food-croissant", Map.of("allergens", List.of("gluten", "milk"))));
        require(api.put("/api/v1/self-order/menu/food-croissant", Map.of("allergens", List.of("gluten"))));
        String later = session(api, "t5", true);
        order(api, later, "coffee-latte");
        order(api, later, "food-croissant");
        String first = session(api, "t6", false);
        String waiting = order(api, first, "food-banana-bread").field("orderId");
        require(api.put("/api/v1/self-order/tables/t5", Map.of("payLater", true, "newCode", true)));
        String shift = api.openShift("r1");
        long total = api.get("/api/v1/self-order/orders").body().path("orders").get(0).path("total").asLong();
        require(api.postWithKey("/api/v1/self-order/orders/" + waiting + "/payments", "ring-1", Map.of("registerId", "r1", "shiftId", shift,
                "payments", List.of(Map.of("method", "card", "amount", total)))));
    }

    private static String session(Api api, String tableId, boolean payLater) {
        String url = require(api.put("/api/v1/self-order/tables/" + tableId, Map.of("payLater", payLater))).body().path("url").asText();
        return require(api.anonymous().post("/api/v1/self-order/sessions", Map.of("table", tableId, "code", url.replaceAll(".*code=", ""))))
                .field("session");
    }

    private static Reply order(Api api, String session, String productId) {
        return require(api.anonymous().send("POST", "/api/v1/self-order/guest-orders", Map.of("Authorization", "Guest " + session),
                Map.of("items", List.of(Map.of("productId", productId, "quantity", 1)))));
    }

    private static Reply require(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        return reply;
    }
}
