package backroom.edge.selforder;

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

/** Bad tables, allergens, sessions, guests' orders and payments of them are refused naming each bad field, and write nothing. */
class BadSelfOrderInputTest {

    private TestBox box;
    private Api api;
    private String session;
    private long head;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        String url = api.put("/api/v1/self-order/tables/t5", Map.of("payLater", false)).body().path("url").asText();
        session = api.anonymous().post("/api/v1/self-order/sessions", Map.of("table", "t5", "code", url.replaceAll(".*code=", "")))
                .field("session");
        head = box.headSeq();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aBadTableOrAllergenListIsRefusedNamingTheField() {
        refused(() -> api.put("/api/v1/self-order/tables/" + "t".repeat(65), Map.of("payLater", true)), 422, "tableId");
        refused(() -> api.put("/api/v1/self-order/menu/food-croissant", Map.of("allergens", List.of("Gluten!"))), 422, "allergens");
        refused(() -> api.put("/api/v1/self-order/menu/no-such-product", Map.of("allergens", List.of("milk"))), 404);
        refused(() -> api.get("/api/v1/self-order/tables/t9/qr"), 404);
        refused(() -> api.get("/api/v1/self-order/orders?status=lost"), 400, "status");
        refused(() -> api.put("/api/v1/self-order/menu/food-croissant", Map.of("allergens", java.util.Collections.nCopies(21, "milk"))), 422,
                "allergens");
        assertThat(api.put("/api/v1/self-order/menu/food-croissant", Map.of("allergens", java.util.Collections.nCopies(20, "milk")))
                .status()).isEqualTo(200);
        head = box.headSeq();
    }

    @Test
    void aBadSessionOrGuestOrderIsRefusedNamingTheField() {
        refused(() -> api.anonymous().post("/api/v1/self-order/sessions", Map.of("table", "t 5", "code", "xyz")), 422, "table", "code");
        refused(() -> api.anonymous().post("/api/v1/self-order/sessions", Map.of("table", "t9", "code", "0".repeat(32))), 422, "code");
        refused(() -> guest(Map.of("items", List.of())), 422, "items");
        refused(() -> guest(Map.of("items", List.of(Map.of("productId", "no-such-product", "quantity", 1)))), 422, "items[0].productId");
        refused(() -> guest(Map.of("items", List.of(Map.of("productId", "coffee-latte", "quantity", 0)))), 422, "items[0].quantity");
        refused(() -> guest(Map.of("items", java.util.Collections.nCopies(31, Map.of("productId", "coffee-latte", "quantity", 1)))), 422,
                "items");
        assertThat(guest(Map.of("items", java.util.Collections.nCopies(30, Map.of("productId", "coffee-latte", "quantity", 1)))).status())
                .isEqualTo(201);
    }

    @Test
    void aBadPaymentOfAWaitingOrderIsRefusedAndLeavesItWaiting() {
        String orderId = guest(Map.of("items", List.of(Map.of("productId", "food-croissant", "quantity", 1)))).field("orderId");
        String shift = api.openShift("r1");
        head = box.headSeq();
        refused(() -> api.postWithKey("/api/v1/self-order/orders/" + orderId + "/payments", UUID.randomUUID().toString(),
                Map.of("registerId", "r1", "shiftId", shift, "payments", List.of(Map.of("method", "cash", "amount", 1)))), 422, "payments");
        refused(() -> api.postWithKey("/api/v1/self-order/orders/" + orderId + "/payments", UUID.randomUUID().toString(),
                Map.of("payments", List.of())), 422, "registerId", "shiftId", "payments");
        refused(() -> api.postWithKey("/api/v1/self-order/orders/" + orderId + "/payments", UUID.randomUUID().toString(),
                Map.of("registerId", "r".repeat(65), "shiftId", "s".repeat(65), "payments", List.of(Map.of("method", "cash", "amount", 1)))),
                422, "registerId", "shiftId");
        refused(() -> api.postWithKey("/api/v1/self-order/orders/nobody/payments", UUID.randomUUID().toString(),
                Map.of("registerId", "r1", "shiftId", shift, "payments", List.of(Map.of("method", "cash", "amount", 1)))), 404);
        assertThat(api.get("/api/v1/self-order/orders").body().path("orders")).hasSize(1);
    }

    private Reply guest(Map<String, Object> body) {
        return api.anonymous().send("POST", "/api/v1/self-order/guest-orders", Map.of("Authorization", "Guest " + session), body);
    }

    private void refused(Supplier<Reply> call, int status, String... fields) {
        Refusals.assertRefused(box, head, call, status, fields);
    }
}
