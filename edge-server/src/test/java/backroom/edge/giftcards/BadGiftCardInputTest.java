package backroom.edge.giftcards;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bad sale of a gift card or top-up is refused naming each bad field, and writes nothing. */
class BadGiftCardInputTest {

    private TestBox box;
    private Api api;
    private String shift;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        shift = api.openShift("r1");
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void everyBadFieldOfACardsSaleIsNamedAtOnce() {
        long head = box.headSeq();
        Reply refused = api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), Map.of("number", "12 34", "amount", 0,
                "registerId", " ", "payments", List.of(GiftCardsTest.giftCard("GC-000001", 1_000), Sales.payment("cash", 0))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemFields()).containsExactlyInAnyOrder("number", "amount", "registerId", "shiftId", "payments[1].amount",
                "payments[0].method");
        Reply tooMuch = api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), Map.of("amount", 10_000_000_000_001L,
                "registerId", "r1", "shiftId", shift, "payments", List.of(Sales.payment("cash", 1_000))));
        assertThat(tooMuch.problemFields()).containsExactly("amount");
        Reply storeCredit = api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), Map.of("amount", 1_000, "registerId", "r1",
                "shiftId", shift, "payments", List.of(Map.of("method", "store_credit", "amount", 1_000, "reference", "SC-000001"))));
        assertThat(storeCredit.problemFields()).containsExactly("payments[0].method");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void everyBadFieldOfATopUpIsNamedAtOnceAndTheLimitsThemselvesAreTaken() {
        api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), body("GC-000001", 1));
        long head = box.headSeq();
        Reply refused = api.postWithKey("/api/v1/gift-cards/GC-000001/top-ups", UUID.randomUUID().toString(), Map.of("amount", -5,
                "shiftId", shift, "payments", List.of(GiftCardsTest.giftCard("GC-000002", 1_000))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemFields()).containsExactlyInAnyOrder("amount", "registerId", "payments[0].method");
        assertThat(box.headSeq()).isEqualTo(head);

        long most = 10_000_000_000_000L;
        Reply topUp = api.postWithKey("/api/v1/gift-cards/GC-000001/top-ups", UUID.randomUUID().toString(), Map.of("amount", most,
                "registerId", "r1", "shiftId", shift, "payments", List.of(Sales.payment("card", most))));
        assertThat(topUp.status()).as(topUp.toString()).isEqualTo(201);
        assertThat(topUp.body().path("card").path("balance").asLong()).isEqualTo(most + 1);
    }

    @Test
    void aCardsSaleWithoutAKeyIsA400AndNothingIsWritten() {
        long head = box.headSeq();
        Reply refused = api.post("/api/v1/gift-cards", body("GC-000001", 1_000));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemFields()).containsExactly("Idempotency-Key");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aNumberAlreadyIssuedOrAShiftNotOpenIsA409AndNothingIsWritten() {
        api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), body("GC-000001", 1_000));
        long head = box.headSeq();
        Reply twice = api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), body("GC-000001", 2_000));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemFields()).containsExactly("number");
        Map<String, Object> noShift = new HashMap<>(body("GC-000002", 1_000));
        noShift.put("shiftId", "no-such-shift");
        Reply closed = api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), noShift);
        assertThat(closed.status()).isBetween(409, 422);
        assertThat(closed.problemFields()).containsExactly("shiftId");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(api.get("/api/v1/gift-cards/GC-000002").status()).as("the card of a refused sale is not issued").isEqualTo(404);
    }

    @Test
    void aTopUpOfNoCardIsA404OfAStoreCreditA422AndTheSameKeyWithAnotherBodyA409() {
        String byCash = api.ringSale(Sales.sale("r1", shift, List.of(Sales.item("food-croissant", null, 1, List.of())),
                List.of(Sales.payment("cash", 25_300)))).field("saleId");
        String credit = api.post("/api/v1/sales/" + byCash + "/refunds", Map.of("reason", "cold", "method", "store_credit"))
                .field("reference");
        String key = UUID.randomUUID().toString();
        api.postWithKey("/api/v1/gift-cards", key, body("GC-000001", 1_000));
        long head = box.headSeq();
        Map<String, Object> topUp = Map.of("amount", 1_000, "registerId", "r1", "shiftId", shift, "payments",
                List.of(Sales.payment("cash", 1_000)));
        assertThat(api.postWithKey("/api/v1/gift-cards/GC-NOSUCH/top-ups", UUID.randomUUID().toString(), topUp).status()).isEqualTo(404);
        Reply ontoCredit = api.postWithKey("/api/v1/gift-cards/" + credit + "/top-ups", UUID.randomUUID().toString(), topUp);
        assertThat(ontoCredit.status()).isEqualTo(422);
        assertThat(ontoCredit.problemFields()).containsExactly("number");
        Reply reused = api.postWithKey("/api/v1/gift-cards", key, body("GC-000001", 2_000));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.problemFields()).containsExactly("Idempotency-Key");
        Reply reusedOnTopUp = api.postWithKey("/api/v1/gift-cards/GC-000001/top-ups", key, topUp);
        assertThat(reusedOnTopUp.status()).as("a key is one request's, whatever the path").isEqualTo(409);
        assertThat(box.headSeq()).isEqualTo(head);
    }

    private Map<String, Object> body(String number, long amount) {
        return Map.of("number", number, "amount", amount, "registerId", "r1", "shiftId", shift,
                "payments", List.of(Sales.payment("cash", Math.max(amount, 1))));
    }
}
