package backroom.edge.selforder;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A guest's session through the API: opened only by the code of its table, with no staff token;
 * it sees the menu's prices and only its own table's orders, cannot set a price or a discount or
 * use any staff route, is held to a few orders a minute, and ends at its expiry or when the
 * table's code is renewed.
 */
class GuestOrdersTest {

    private TestBox box;
    private Api manager;
    private Api guest;
    private final Map<String, String> codes = new HashMap<>();

    @BeforeEach
    void start() {
        box = TestBox.start();
        manager = box.api();
        guest = box.anonymous();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aSessionNeedsItsTablesCodeAndSeesOnlyItsOwnTable() {
        String t5 = session("t5", true);
        String t6 = session("t6", true);
        JsonNode fromT5 = placed(t5, List.of(item("coffee-latte", 1)));
        placed(t6, List.of(item("food-croissant", 2)));

        JsonNode seenAtT5 = as(t5, "GET", "/api/v1/self-order/guest-orders", null).body().path("orders");
        assertThat(seenAtT5).hasSize(1);
        assertThat(seenAtT5.get(0).path("orderId").asText()).isEqualTo(fromT5.path("orderId").asText());
        assertThat(seenAtT5.get(0).path("tableId").asText()).isEqualTo("t5");

        Reply wrongTable = guest.post("/api/v1/self-order/sessions", Map.of("table", "t6", "code", codes.get("t5")));
        assertThat(wrongTable.status()).isEqualTo(422);
        assertThat(wrongTable.problemFields()).containsExactly("code");
        assertThat(as("forged." + t5.substring(t5.indexOf('.') + 1), "GET", "/api/v1/self-order/menu", null).status()).isEqualTo(401);
        String tampered = t5.substring(0, t5.length() - 1) + (t5.endsWith("0") ? "1" : "0");
        assertThat(as(tampered, "GET", "/api/v1/self-order/menu", null).status()).isEqualTo(401);
        assertThat(guest.get("/api/v1/self-order/menu").status()).as("no session").isEqualTo(401);
    }

    @Test
    void aGuestPaysTheMenusPricesAndCanChangeNothingElse() {
        String t5 = session("t5", false);
        JsonNode menu = as(t5, "GET", "/api/v1/self-order/menu", null).body();
        JsonNode latte = find(menu.path("products"), "coffee-latte");
        assertThat(latte.path("price").asLong()).isEqualTo(25_000);
        assertThat(latte.has("stockOnHand")).as("a guest sees no stock").isFalse();

        Reply priced = as(t5, "POST", "/api/v1/self-order/guest-orders", Map.of("items", List.of(Map.of("productId", "coffee-latte",
                "quantity", 1, "unitPrice", 1, "price", 1, "lineTotal", 1))));
        assertThat(priced.status()).as(priced.toString()).isEqualTo(201);
        assertThat(priced.body().path("lines").get(0).path("lineTotal").asLong()).as("a price sent by the guest is ignored: the menu's")
                .isEqualTo(25_000);
        assertThat(priced.body().path("total").asLong()).isEqualTo(28_800);
        Reply discounted = as(t5, "POST", "/api/v1/self-order/guest-orders", Map.of("items", List.of(Map.of("productId", "coffee-latte",
                "quantity", 1, "discount", 25_000))));
        assertThat(discounted.status()).isEqualTo(422);
        assertThat(discounted.problemFields()).containsExactly("items[0].discount");
        for (String staffOnly : List.of("/api/v1/self-order/orders", "/api/v1/sales", "/api/v1/checks", "/api/v1/catalog")) {
            assertThat(as(t5, "GET", staffOnly, null).status()).as(staffOnly).isEqualTo(401);
        }
        assertThat(as(t5, "PUT", "/api/v1/self-order/tables/t5", Map.of("payLater", true)).status()).isEqualTo(401);
        assertThat(as(t5, "POST", "/api/v1/self-order/orders/x/payments", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void ordersAreHeldToAFewAMinuteAndASessionEndsAtItsExpiryOrANewCode() {
        String t5 = session("t5", false);
        for (int i = 0; i < SelfOrderService.ORDERS_A_MINUTE; i++) {
            placed(t5, List.of(item("food-croissant", 1)));
        }
        long head = box.headSeq();
        Reply flood = as(t5, "POST", "/api/v1/self-order/guest-orders", Map.of("items", List.of(item("food-croissant", 1))));
        assertThat(flood.status()).isEqualTo(429);
        assertThat(box.headSeq()).isEqualTo(head);
        box.clock().advance(Duration.ofMinutes(1));
        placed(t5, List.of(item("food-croissant", 1)));

        box.clock().advance(GuestCodes.SESSION_LIFE);
        assertThat(as(t5, "GET", "/api/v1/self-order/menu", null).status()).as("expired").isEqualTo(401);

        String again = session("t5", false);
        manager.put("/api/v1/self-order/tables/t5", Map.of("payLater", false, "newCode", true));
        assertThat(as(again, "POST", "/api/v1/self-order/guest-orders", Map.of("items", List.of(item("food-croissant", 1)))).status())
                .as("the table's code renewed: the old code's sessions end").isEqualTo(401);
        assertThat(guest.post("/api/v1/self-order/sessions", Map.of("table", "t5", "code", "0".repeat(32))).status()).isEqualTo(422);
    }

    @Test
    void aTablesSettingIsWrittenOnlyWhenItChangesAndEachOrderGetsTheNextNumber() {
        assertThat(manager.put("/api/v1/self-order/tables/t7", Map.of("payLater", true)).body().path("version").asInt()).isEqualTo(1);
        long head = box.headSeq();
        assertThat(manager.put("/api/v1/self-order/tables/t7", Map.of("payLater", true)).body().path("version").asInt()).isEqualTo(1);
        assertThat(box.headSeq()).as("the same setting again writes nothing").isEqualTo(head);
        assertThat(manager.put("/api/v1/self-order/tables/t7", Map.of("payLater", true, "newCode", true)).body().path("version").asInt())
                .isEqualTo(2);
        assertThat(manager.put("/api/v1/self-order/tables/t7", Map.of("payLater", false)).body().path("payLater").asBoolean()).isFalse();

        String t7 = session("t7", false);
        assertThat(placed(t7, List.of(item("food-croissant", 1))).path("orderNo").asInt()).isEqualTo(1);
        assertThat(placed(t7, List.of(item("food-croissant", 1))).path("orderNo").asInt()).isEqualTo(2);

        JsonNode menu = as(t7, "GET", "/api/v1/self-order/menu", null).body().path("products");
        List<String> categories = new java.util.ArrayList<>();
        menu.forEach(product -> categories.add(product.path("categoryId").asText()));
        assertThat(categories).as("by category").isSorted();
        JsonNode latte = find(menu, "coffee-latte");
        assertThat(latte.path("variants").findValuesAsText("id")).containsExactly("regular", "large");
        assertThat(latte.path("modifiers").findValuesAsText("id")).containsExactly("extra-shot", "oat-milk", "vanilla-syrup");
        assertThat(latte.path("modifiers").get(0).path("price").asLong()).isEqualTo(5_000);
        assertThat(guest.send("GET", "/api/v1/self-order/menu", Map.of("Authorization", "Bearer " + t7), null).status())
                .as("a guest session under another scheme").isEqualTo(401);
    }

    @Test
    void newSessionsAndReadsAreHeldToTheirRatesToo() {
        manager.put("/api/v1/self-order/tables/t8", Map.of("payLater", false));
        String t8 = session("t8", false);
        for (int i = 1; i < SelfOrderService.SESSIONS_A_MINUTE; i++) {
            session("t8", false);
        }
        Reply eleventh = guest.post("/api/v1/self-order/sessions", Map.of("table", "t8", "code", codes.get("t8")));
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.problemFields()).containsExactly("table");
        for (int i = 0; i < SelfOrderService.READS_A_MINUTE; i++) {
            assertThat(as(t8, "GET", "/api/v1/self-order/guest-orders", null).status()).isEqualTo(200);
        }
        assertThat(as(t8, "GET", "/api/v1/self-order/menu", null).status()).isEqualTo(429);
        box.clock().advance(Duration.ofMinutes(1));
        assertThat(as(t8, "GET", "/api/v1/self-order/menu", null).status()).isEqualTo(200);
        assertThat(guest.post("/api/v1/self-order/sessions", Map.of("table", "t8", "code", codes.get("t8"))).status()).isEqualTo(201);
    }

    /** A session at {@code tableId}, opened with the code in the table's QR link as a phone would. */
    private String session(String tableId, boolean payLater) {
        String url = manager.put("/api/v1/self-order/tables/" + tableId, Map.of("payLater", payLater)).body().path("url").asText();
        String query = URI.create(url).getQuery();
        codes.put(tableId, query.substring(query.indexOf("code=") + "code=".length()));
        Reply opened = guest.post("/api/v1/self-order/sessions", Map.of("table", tableId, "code", codes.get(tableId)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.field("session");
    }

    private JsonNode placed(String session, List<Map<String, Object>> items) {
        Reply placed = as(session, "POST", "/api/v1/self-order/guest-orders", Map.of("items", items));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.body();
    }

    private Reply as(String session, String method, String path, Object body) {
        return guest.send(method, path, Map.of("Authorization", "Guest " + session), body);
    }

    private static Map<String, Object> item(String productId, int quantity) {
        return Map.of("productId", productId, "quantity", quantity);
    }

    private static JsonNode find(JsonNode products, String id) {
        for (JsonNode product : products) {
            if (product.path("id").asText().equals(id)) {
                return product;
            }
        }
        throw new AssertionError("no " + id + " on the menu");
    }
}
