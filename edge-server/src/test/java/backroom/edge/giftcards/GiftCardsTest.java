package backroom.edge.giftcards;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gift cards and store credit through the API: a card sold as a sale of its value, topped up, paid
 * with (alone or beside cash), its balance checked; a void giving back what its sale did to a card;
 * a refund onto the card a sale was paid with, or as store credit spent later. Every balance is the
 * sum of its movements, and nothing is written for a payment the card cannot cover.
 */
class GiftCardsTest {

    /** One croissant, tax and rounding included. */
    private static final long CROISSANT = 25_300;
    private static final String REGISTER = "r-gift";

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
    void aCardIsSoldToppedUpAndPaidWithAndItsBalanceIsItsMovements() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> issue = issueBody("GC-000123", 50_000, Sales.payment("cash", 60_000));
        Reply sold = api.postWithKey("/api/v1/gift-cards", key, issue);
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        assertThat(sold.body().path("card").path("cardNumber").asText()).isEqualTo("GC-000123");
        assertThat(sold.body().path("card").path("balance").asLong()).isEqualTo(50_000);
        JsonNode sale = sold.body().path("sale");
        assertThat(sale.path("grandTotal").asLong()).as("nothing taxed").isEqualTo(50_000);
        assertThat(sale.path("taxTotal").asLong()).isZero();
        assertThat(sale.path("change").asLong()).isEqualTo(10_000);
        assertThat(sale.path("receiptNumber").asText()).isNotBlank();
        long head = box.headSeq();
        Reply again = api.postWithKey("/api/v1/gift-cards", key, issue);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).as("the first answer again").isEqualTo(sold.body());
        assertThat(box.headSeq()).as("a retried sale of a card loads it once").isEqualTo(head);

        Reply topUp = api.postWithKey("/api/v1/gift-cards/GC-000123/top-ups", UUID.randomUUID().toString(),
                Map.of("amount", 20_000, "registerId", REGISTER, "shiftId", shift, "payments", List.of(Sales.payment("card", 20_000))));
        assertThat(topUp.status()).as(topUp.toString()).isEqualTo(201);
        assertThat(topUp.body().path("card").path("balance").asLong()).isEqualTo(70_000);
        assertThat(topUp.body().path("sale").path("receiptNumber").asText()).isNotEqualTo(sale.path("receiptNumber").asText());

        Reply paid = croissantPaidWith(giftCard("GC-000123", CROISSANT));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        JsonNode paidSale = api.get("/api/v1/sales/" + paid.field("saleId")).body();
        assertThat(paidSale.path("payments").get(0).path("reference").asText()).isEqualTo("GC-000123");

        JsonNode card = api.get("/api/v1/gift-cards/GC-000123").body();
        assertThat(card.path("kind").asText()).isEqualTo("gift_card");
        assertThat(card.path("balance").asLong()).isEqualTo(70_000 - CROISSANT);
        assertThat(reasons(card)).as("newest first").containsExactly("payment", "top_up", "issue");
        assertThat(deltas(card)).containsExactly(-CROISSANT, 20_000L, 50_000L);
        assertThat(card.path("moves").get(0).path("saleId").asText()).isEqualTo(paid.field("saleId"));
        assertThat(card.path("moves").get(2).path("saleId").asText()).isEqualTo(sale.path("saleId").asText());

        JsonNode x = api.get("/api/v1/shifts/" + shift + "/report").body();
        assertThat(x.path("expectedCash").asLong()).as("the float and the card bought with cash").isEqualTo(500_000 + 50_000);

        box = TestBox.restart(box);
        assertThat(box.api().get("/api/v1/gift-cards/GC-000123").body().path("balance").asLong()).isEqualTo(70_000 - CROISSANT);
        assertThat(box.verifyChain().intact()).isTrue();
    }

    @Test
    void aCardSoldWithoutANumberGetsSixteenRandomDigits() {
        Reply first = api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), issueBody(null, 10_000,
                Sales.payment("card", 10_000)));
        Reply second = api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), issueBody(null, 10_000,
                Sales.payment("card", 10_000)));
        String one = first.body().path("card").path("cardNumber").asText();
        String two = second.body().path("card").path("cardNumber").asText();
        assertThat(one).matches("[0-9]{16}");
        assertThat(two).matches("[0-9]{16}").isNotEqualTo(one);
        assertThat(api.get("/api/v1/gift-cards/" + two).body().path("balance").asLong()).isEqualTo(10_000);
    }

    @Test
    void aPaymentTheCardCannotCoverIsRefusedAndWritesNothingWhileCashMakesUpTheRest() {
        issue("GC-SHORT1", 10_000);
        long head = box.headSeq();
        Reply short1 = croissantPaidWith(giftCard("GC-SHORT1", CROISSANT));
        assertThat(short1.status()).isEqualTo(409);
        assertThat(short1.problemFields()).containsExactly("payments[0].reference");
        assertThat(short1.body().path("errors").get(0).path("message").asText())
                .isEqualTo("card GC-SHORT1 holds 10000, short of " + CROISSANT + " by " + (CROISSANT - 10_000));
        assertThat(box.headSeq()).isEqualTo(head);

        Reply split = croissantPaidWith(giftCard("GC-SHORT1", 10_000), Sales.payment("cash", CROISSANT - 10_000));
        assertThat(split.status()).as(split.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/gift-cards/GC-SHORT1").body().path("balance").asLong()).isZero();
    }

    @Test
    void anUnknownCardAStoreCreditPaidAsAGiftCardOrAMissingNumberIsRefusedNamingTheReference() {
        issue("GC-KIND01", 50_000);
        long head = box.headSeq();
        Reply unknown = croissantPaidWith(giftCard("GC-NOSUCH", CROISSANT));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problemFields()).containsExactly("payments[0].reference");
        Reply wrongKind = croissantPaidWith(Map.of("method", "store_credit", "amount", CROISSANT, "reference", "GC-KIND01"));
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(wrongKind.body().path("errors").get(0).path("message").asText()).contains("is gift_card, not store_credit");
        Reply noNumber = croissantPaidWith(Sales.payment("gift_card", CROISSANT));
        assertThat(noNumber.status()).isEqualTo(422);
        assertThat(noNumber.problemFields()).containsExactly("payments[0].reference");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(api.get("/api/v1/gift-cards/GC-NOSUCH").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/gift-cards/bad").status()).isEqualTo(404);
    }

    @Test
    void aVoidGivesBackWhatItsSaleTookOffOrPutOnACardUnlessThatWasSpent() {
        issue("GC-VOID01", 50_000);
        String paid = croissantPaidWith(giftCard("GC-VOID01", CROISSANT)).field("saleId");
        api.voidSale(paid, "rang twice");
        assertThat(api.get("/api/v1/gift-cards/GC-VOID01").body().path("balance").asLong()).isEqualTo(50_000);

        String soldCard = issue("GC-VOID02", 30_000);
        croissantPaidWith(giftCard("GC-VOID02", CROISSANT));
        long head = box.headSeq();
        Reply refused = api.post("/api/v1/sales/" + soldCard + "/void", Map.of("reason", "changed mind"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemFields()).containsExactly("saleId");
        assertThat(box.headSeq()).isEqualTo(head);

        String unspent = issue("GC-VOID03", 30_000);
        api.voidSale(unspent, "changed mind");
        JsonNode card = api.get("/api/v1/gift-cards/GC-VOID03").body();
        assertThat(card.path("balance").asLong()).isZero();
        assertThat(reasons(card)).containsExactly("void", "issue");
    }

    @Test
    void aRefundGoesBackOntoTheCardTheSaleWasPaidWithOrAsStoreCreditSpentLater() {
        issue("GC-REF001", 50_000);
        String byCard = croissantPaidWith(giftCard("GC-REF001", CROISSANT)).field("saleId");
        Reply ontoCard = api.post("/api/v1/sales/" + byCard + "/refunds", Map.of("reason", "cold"));
        assertThat(ontoCard.status()).as(ontoCard.toString()).isEqualTo(201);
        assertThat(ontoCard.field("method")).isEqualTo("gift_card");
        assertThat(ontoCard.field("reference")).isEqualTo("GC-REF001");
        assertThat(api.get("/api/v1/gift-cards/GC-REF001").body().path("balance").asLong()).isEqualTo(50_000);

        String byCash = croissantPaidWith(Sales.payment("cash", CROISSANT)).field("saleId");
        Reply credit = api.post("/api/v1/sales/" + byCash + "/refunds", Map.of("reason", "wrong order", "method", "store_credit"));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
        String creditNumber = credit.field("reference");
        JsonNode account = api.get("/api/v1/gift-cards/" + creditNumber).body();
        assertThat(account.path("kind").asText()).isEqualTo("store_credit");
        assertThat(account.path("balance").asLong()).isEqualTo(CROISSANT);
        assertThat(account.path("moves").get(0).path("refundId").asText()).isEqualTo(credit.field("refundId"));
        assertThat(api.get("/api/v1/sales/" + byCash).body().path("refunds").get(0).path("reference").asText()).isEqualTo(creditNumber);

        Reply spent = croissantPaidWith(Map.of("method", "store_credit", "amount", CROISSANT, "reference", creditNumber));
        assertThat(spent.status()).as(spent.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/gift-cards/" + creditNumber).body().path("balance").asLong()).isZero();
        Reply backOntoCredit = api.post("/api/v1/sales/" + spent.field("saleId") + "/refunds", Map.of("reason", "cold"));
        assertThat(backOntoCredit.field("method")).isEqualTo("store_credit");
        assertThat(backOntoCredit.field("reference")).as("onto the credit it was paid with, not a new one").isEqualTo(creditNumber);
        assertThat(api.get("/api/v1/gift-cards/" + creditNumber).body().path("balance").asLong()).isEqualTo(CROISSANT);

        JsonNode z = api.closeShift(shift, 500_000 + 50_000 + CROISSANT).body();
        assertThat(z.path("variance").asLong()).as("the card bought and the croissant paid in cash, its refund given as credit").isZero();
    }

    @Test
    void aRefundAsAGiftCardOfASaleNotPaidWithOneMustNameTheCard() {
        String byCash = croissantPaidWith(Sales.payment("cash", CROISSANT)).field("saleId");
        long head = box.headSeq();
        Reply refused = api.post("/api/v1/sales/" + byCash + "/refunds", Map.of("reason", "cold", "method", "gift_card"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemFields()).containsExactly("reference");
        assertThat(box.headSeq()).isEqualTo(head);
        issue("GC-NAMED1", 1_000);
        Reply named = api.post("/api/v1/sales/" + byCash + "/refunds", Map.of("reason", "cold", "method", "gift_card",
                "reference", "GC-NAMED1"));
        assertThat(named.status()).as(named.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/gift-cards/GC-NAMED1").body().path("balance").asLong()).isEqualTo(1_000 + CROISSANT);
    }

    @Test
    void anOpenChecksPartIsPaidWithAGiftCard() {
        issue("GC-CHECK1", 100_000);
        String checkId = api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("tableId", "t9")).field("checkId");
        api.postWithKey("/api/v1/checks/" + checkId + "/rounds", UUID.randomUUID().toString(),
                Map.of("items", List.of(Sales.item("food-croissant", null, 2, List.of()))));
        long due = api.get("/api/v1/checks/" + checkId).body().path("grandTotal").asLong();
        Reply paid = api.postWithKey("/api/v1/checks/" + checkId + "/payments", UUID.randomUUID().toString(), Map.of("registerId", REGISTER,
                "shiftId", shift, "payments", List.of(giftCard("GC-CHECK1", due))));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/gift-cards/GC-CHECK1").body().path("balance").asLong()).isEqualTo(100_000 - due);
    }

    /** Sells card {@code number} holding {@code amount} for cash; the sale's id. */
    private String issue(String number, long amount) {
        Reply sold = api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), issueBody(number, amount,
                Sales.payment("cash", amount)));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        return sold.body().path("sale").path("saleId").asText();
    }

    private Map<String, Object> issueBody(String number, long amount, Map<String, Object> payment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("amount", amount, "registerId", REGISTER, "shiftId", shift,
                "payments", List.of(payment)));
        if (number != null) {
            body.put("number", number);
        }
        return body;
    }

    @SafeVarargs
    private Reply croissantPaidWith(Map<String, Object>... payments) {
        return api.ringSale(Sales.sale(REGISTER, shift, List.of(Sales.item("food-croissant", null, 1, List.of())), List.of(payments)));
    }

    static Map<String, Object> giftCard(String number, long amount) {
        return Map.of("method", "gift_card", "amount", amount, "reference", number);
    }

    private static List<String> reasons(JsonNode card) {
        List<String> reasons = new ArrayList<>();
        card.path("moves").forEach(move -> reasons.add(move.path("reason").asText()));
        return reasons;
    }

    private static List<Long> deltas(JsonNode card) {
        List<Long> deltas = new ArrayList<>();
        card.path("moves").forEach(move -> deltas.add(move.path("delta").asLong()));
        return deltas;
    }
}
