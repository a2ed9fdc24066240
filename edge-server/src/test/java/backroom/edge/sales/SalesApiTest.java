package backroom.edge.sales;

import static backroom.edge.testing.Sales.item;
import static backroom.edge.testing.Sales.payment;
import static backroom.edge.testing.Sales.sale;
import static backroom.edge.testing.Sales.twoLargeLattesWithExtraShot;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SalesApiTest {

    /** A sale of what a station makes is two entries: sale.completed, then its kitchen order's order.created. */
    private static final int SALE_ENTRIES = 2;
    /** Its void, two: sale.voided, then the kitchen order's cancellation. */
    private static final int VOID_ENTRIES = 2;

    @RegisterExtension
    static final SharedBox box = new SharedBox();
    static Api api;

    @BeforeAll
    static void connect() {
        api = box.api();
    }

    @Test
    void theWorkedExampleComesOutExactly() {
        String shift = api.openShift("worked");
        long headBefore = box.headSeq();

        Reply reply = api.ringSale(twoLargeLattesWithExtraShot("worked", shift));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.number("subtotal")).isEqualTo(60_000);
        assertThat(reply.number("taxTotal")).isEqualTo(6_000);
        assertThat(reply.number("serviceCharge")).isEqualTo(3_000);
        assertThat(reply.number("grandTotal")).isEqualTo(69_000);
        assertThat(reply.number("paid")).isEqualTo(100_000);
        assertThat(reply.number("change")).isEqualTo(31_000);
        assertThat(reply.field("receiptNumber")).isEqualTo("worked-000001");
        assertThat(reply.number("ledgerSeq")).isEqualTo(headBefore + 1);
        assertThat(box.headSeq()).isEqualTo(headBefore + SALE_ENTRIES);

        Reply stored = api.get("/api/v1/sales/" + reply.field("saleId"));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.field("status")).isEqualTo("completed");
        assertThat(stored.body().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(30_000);
        assertThat(stored.body().path("lines").get(0).path("lineTotal").asLong()).isEqualTo(60_000);
        assertThat(box.verifyChain().intact()).isTrue();
    }

    @Test
    void splitPaymentsOverSeveralMethodsSettleTheTotal() {
        String shift = api.openShift("split");
        Reply reply = api.ringSale(sale("split", shift,
                List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))),
                List.of(payment("card", 40_000), payment("qris", 20_000), payment("cash", 10_000))));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.number("paid")).isEqualTo(70_000);
        assertThat(reply.number("change")).isEqualTo(1_000);
        Reply stored = api.get("/api/v1/sales/" + reply.field("saleId"));
        assertThat(stored.body().path("payments")).hasSize(3);
    }

    @Test
    void shortPaymentIsRefusedAndWritesNothing() {
        String shift = api.openShift("short");
        long headBefore = box.headSeq();

        Reply reply = api.ringSale(sale("short", shift,
                List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))),
                List.of(payment("cash", 50_000), payment("card", 18_999))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.problemFields()).containsExactly("payments");
        assertThat(reply.body().path("detail").asText()).isEqualTo("payments: payments of 68999 are short of the total 69000 by 1");
        assertThat(box.headSeq()).isEqualTo(headBefore);
        assertThat(api.ringSale(twoLargeLattesWithExtraShot("short", shift)).field("receiptNumber")).isEqualTo("short-000001");
    }

    @Test
    void aSaleReadsBackAsItWasRung() {
        String shift = api.openShift("read-back");
        Map<String, Object> tea = new HashMap<>(item("tea-jasmine", "iced", 1, List.of()));
        tea.put("notes", "no sugar");
        Map<String, Object> dineIn = new HashMap<>(sale("read-back", shift,
                List.of(item("coffee-latte", "large", 2, List.of("extra-shot", "oat-milk")), tea),
                List.of(Map.of("method", "card", "amount", 108_100, "reference", "auth-123"))));
        dineIn.putAll(Map.of("orderType", "dine_in", "tableId", "t7", "customerId", "c42"));
        Map<String, Object> noOrderType = new HashMap<>(twoLargeLattesWithExtraShot("read-back", shift));
        noOrderType.remove("orderType");

        // Latte 25,000 + extra shot 5,000 + oat milk 7,000 = 37,000, twice 74,000; iced jasmine tea 18,000 + 2,000 = 20,000.
        // Subtotal 94,000; tax 9,400; service 4,700; 108,100.
        Reply rung = api.ringSale(dineIn);
        Reply takeaway = api.ringSale(noOrderType);

        Reply sale = api.get("/api/v1/sales/" + rung.field("saleId"));
        assertThat(List.of(sale.field("status"), sale.field("orderType"), sale.field("tableId"), sale.field("customerId"), sale.field("currency"),
                sale.field("receiptNumber"))).containsExactly("completed", "dine_in", "t7", "c42", "IDR", "read-back-000001");
        assertThat(List.of(sale.number("subtotal"), sale.number("taxTotal"), sale.number("serviceCharge"), sale.number("rounding"),
                sale.number("grandTotal"), sale.number("paid"), sale.number("change"))).containsExactly(94_000L, 9_400L, 4_700L, 0L, 108_100L, 108_100L, 0L);
        var lines = sale.body().path("lines");
        assertThat(lines).hasSize(2);
        assertThat(List.of(lines.get(0).path("lineNo").asInt(), lines.get(1).path("lineNo").asInt())).containsExactly(1, 2);
        assertThat(List.of(lines.get(0).path("productId").asText(), lines.get(0).path("productName").asText(), lines.get(0).path("variantId").asText(),
                lines.get(0).path("taxId").asText())).containsExactly("coffee-latte", "Latte", "large", "ppn-10");
        assertThat(lines.get(0).path("modifierIds")).extracting(node -> node.asText()).containsExactly("extra-shot", "oat-milk");
        assertThat(List.of(lines.get(0).path("quantity").asLong(), lines.get(0).path("unitPrice").asLong(), lines.get(0).path("lineTotal").asLong()))
                .containsExactly(2L, 37_000L, 74_000L);
        assertThat(List.of(lines.get(1).path("productName").asText(), lines.get(1).path("variantId").asText(), lines.get(1).path("notes").asText()))
                .containsExactly("Jasmine tea", "iced", "no sugar");
        assertThat(lines.get(1).path("modifierIds")).isEmpty();
        assertThat(List.of(lines.get(1).path("unitPrice").asLong(), lines.get(1).path("lineTotal").asLong())).containsExactly(20_000L, 20_000L);
        var payments = sale.body().path("payments");
        assertThat(payments).hasSize(1);
        assertThat(List.of(payments.get(0).path("method").asText(), payments.get(0).path("amount").asText(), payments.get(0).path("reference").asText()))
                .containsExactly("card", "108100", "auth-123");
        Reply other = api.get("/api/v1/sales/" + takeaway.field("saleId"));
        assertThat(other.field("orderType")).isEqualTo("takeaway");
        assertThat(other.body().path("tableId").isNull()).isTrue();
        assertThat(other.field("receiptNumber")).isEqualTo("read-back-000002");
    }

    @Test
    void cashMayBeHandedBackInFullAsChangeButNoMore() {
        String shift = api.openShift("change");
        long head = box.headSeq();

        Reply allOfTheCash = api.ringSale(sale("change", shift, List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))),
                List.of(payment("card", 69_000), payment("cash", 5_000))));
        Reply oneMore = api.ringSale(sale("change", shift, List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))),
                List.of(payment("card", 69_001), payment("cash", 5_000))));

        assertThat(allOfTheCash.status()).as(allOfTheCash.toString()).isEqualTo(201);
        assertThat(List.of(allOfTheCash.number("paid"), allOfTheCash.number("change"))).containsExactly(74_000L, 5_000L);
        assertThat(oneMore.status()).isEqualTo(422);
        assertThat(oneMore.problemFields()).containsExactly("payments");
        assertThat(oneMore.body().path("detail").asText())
                .isEqualTo("payments: only cash can be overpaid: non-cash payments exceed the total by 1");
        assertThat(box.headSeq()).isEqualTo(head + SALE_ENTRIES);
    }

    @Test
    void anIdempotencyKeyOfUpTo200CharactersIsTakenAndALongerOrBlankOneRefused() {
        String shift = api.openShift("key-length");
        long head = box.headSeq();

        Reply longest = api.ringSale("k".repeat(200), twoLargeLattesWithExtraShot("key-length", shift));
        List<Reply> refused = List.of(api.ringSale("k".repeat(201), twoLargeLattesWithExtraShot("key-length", shift)),
                api.ringSale(" ", twoLargeLattesWithExtraShot("key-length", shift)),
                api.postWithKey("/api/v1/sales/" + longest.field("saleId") + "/refunds", "k".repeat(201), Map.of("reason", "x")),
                api.postWithKey("/api/v1/sales/" + longest.field("saleId") + "/refunds", " ", Map.of("reason", "x")));

        assertThat(longest.status()).isEqualTo(201);
        for (Reply reply : refused) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.problemFields()).containsExactly("Idempotency-Key");
            assertThat(reply.body().path("detail").asText()).isEqualTo("Idempotency-Key: header is required (at most 200 characters)");
        }
        assertThat(box.headSeq()).isEqualTo(head + SALE_ENTRIES);
        Reply keyed = api.postWithKey("/api/v1/sales/" + longest.field("saleId") + "/refunds", "r".repeat(200), Map.of("reason", "x"));
        assertThat(keyed.status()).isEqualTo(201);
        assertThat(api.postWithKey("/api/v1/sales/" + longest.field("saleId") + "/refunds", "r".repeat(200), Map.of("reason", "x")).text())
                .isEqualTo(keyed.text());
        assertThat(box.headSeq()).isEqualTo(head + SALE_ENTRIES + 1);
    }

    @Test
    void cardCannotBeOverpaidBecauseChangeIsCash() {
        String shift = api.openShift("overpay");
        Reply reply = api.ringSale(sale("overpay", shift,
                List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))),
                List.of(payment("card", 100_000))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.problemFields()).containsExactly("payments");
        assertThat(reply.body().path("detail").asText())
                .isEqualTo("payments: only cash can be overpaid: non-cash payments exceed the total by 31000");
    }

    @Test
    void theSameKeyAndBodyAgainReturnsTheFirstAnswerAndWritesNothing() {
        String shift = api.openShift("idem");
        Map<String, Object> body = twoLargeLattesWithExtraShot("idem", shift);
        Reply first = api.ringSale("key-1", body);
        long headAfterFirst = box.headSeq();

        Reply again = api.ringSale("key-1", new HashMap<>(body));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(box.headSeq()).isEqualTo(headAfterFirst);
        assertThat(api.get("/api/v1/sales?limit=200").body().path("items").findValuesAsText("receiptNumber"))
                .containsOnlyOnce("idem-000001");
    }

    @Test
    void aRetryAfterTheShiftClosedStillGetsTheFirstAnswer() {
        String shift = api.openShift("idem3");
        Map<String, Object> body = twoLargeLattesWithExtraShot("idem3", shift);
        Reply first = api.ringSale("key-3", body);
        api.closeShift(shift, 0);
        long head = box.headSeq();

        Reply again = api.ringSale("key-3", new HashMap<>(body));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void theSameKeyRungByManyTabletsAtOnceMakesOneSaleAndOneAnswer() throws Exception {
        String shift = api.openShift("same-key");
        Map<String, Object> body = twoLargeLattesWithExtraShot("same-key", shift);
        long head = box.headSeq();
        List<Reply> replies;
        try (var tablets = java.util.concurrent.Executors.newFixedThreadPool(10)) {
            var answers = new ArrayList<java.util.concurrent.Future<Reply>>();
            for (int i = 0; i < 10; i++) {
                answers.add(tablets.submit(() -> api.ringSale("one-key", body)));
            }
            replies = new ArrayList<>();
            for (var answer : answers) {
                replies.add(answer.get());
            }
        }

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies).extracting(Reply::text).containsOnly(replies.getFirst().text());
        assertThat(box.headSeq()).isEqualTo(head + SALE_ENTRIES);
    }

    @Test
    void aKeyBelongsToTheDeviceThatSentItAndAnotherDeviceGetsASaleOfItsOwn() {
        Api cashier = box.box().signedIn("cashier");
        Api supervisor = box.box().signedIn("supervisor");
        String shift = cashier.openShift("keys-by-device");
        Map<String, Object> body = twoLargeLattesWithExtraShot("keys-by-device", shift);
        Reply cashiers = cashier.ringSale("the-same-key", body);
        long headAfterCashier = box.headSeq();

        Reply supervisors = supervisor.ringSale("the-same-key", new HashMap<>(body));

        assertThat(supervisors.status()).isEqualTo(201);
        assertThat(supervisors.field("saleId")).isNotEqualTo(cashiers.field("saleId"));
        assertThat(supervisors.field("receiptNumber")).isEqualTo("keys-by-device-000002");
        assertThat(box.headSeq()).isEqualTo(headAfterCashier + SALE_ENTRIES);
        assertThat(cashier.ringSale("the-same-key", body).text()).isEqualTo(cashiers.text());
        assertThat(supervisor.ringSale("the-same-key", body).text()).isEqualTo(supervisors.text());
        assertThat(box.headSeq()).isEqualTo(headAfterCashier + SALE_ENTRIES);
    }

    @Test
    void aRefundsKeyBelongsToItsDeviceToo() {
        Api first = box.box().signedIn("supervisor");
        Api second = box.box().signedIn("supervisor");
        String shift = first.openShift("refund-keys");
        String saleId = first.ringSale(twoLargeLattesWithExtraShot("refund-keys", shift)).field("saleId");
        Map<String, Object> wholeSale = Map.of("reason", "cold coffee");
        Reply refunded = first.postWithKey("/api/v1/sales/" + saleId + "/refunds", "refund-key", wholeSale);
        long head = box.headSeq();

        Reply others = second.postWithKey("/api/v1/sales/" + saleId + "/refunds", "refund-key", wholeSale);

        assertThat(refunded.status()).isEqualTo(201);
        assertThat(others.status()).as("a refund of its own, and nothing is left to refund").isEqualTo(409);
        assertThat(others.text()).doesNotContain(refunded.field("refundId"));
        assertThat(first.postWithKey("/api/v1/sales/" + saleId + "/refunds", "refund-key", wholeSale).text()).isEqualTo(refunded.text());
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        String shift = api.openShift("idem2");
        api.ringSale("key-2", twoLargeLattesWithExtraShot("idem2", shift));
        long head = box.headSeq();

        Reply other = api.ringSale("key-2", sale("idem2", shift,
                List.of(item("coffee-latte", "large", 1, List.of())), List.of(payment("cash", 100_000))));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.problemFields()).containsExactly("Idempotency-Key");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void receiptNumbersAreGaplessPerRegister() {
        String a = api.openShift("ra");
        String b = api.openShift("rb");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(api.ringSale(twoLargeLattesWithExtraShot("ra", a)).field("receiptNumber"));
            api.ringSale(sale("ra", a, List.of(item("no-such-product", null, 1, List.of())), List.of(payment("cash", 1))));
            numbers.add(api.ringSale(twoLargeLattesWithExtraShot("rb", b)).field("receiptNumber"));
        }
        assertThat(numbers).containsExactly("ra-000001", "rb-000001", "ra-000002", "rb-000002", "ra-000003", "rb-000003");
    }

    @Test
    void aSaleNeedsAnOpenShiftOnItsRegister() {
        String shift = api.openShift("closing");
        Reply otherRegister = api.ringSale(twoLargeLattesWithExtraShot("other-register", shift));
        assertThat(otherRegister.status()).isEqualTo(409);
        assertThat(otherRegister.problemFields()).containsExactly("shiftId");
        assertThat(otherRegister.body().path("detail").asText()).isEqualTo("shiftId: shift " + shift + " belongs to register closing");
        api.closeShift(shift, 500_000);
        long head = box.headSeq();

        Reply reply = api.ringSale(twoLargeLattesWithExtraShot("closing", shift));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.problemFields()).containsExactly("shiftId");
        assertThat(reply.body().path("detail").asText()).isEqualTo("shiftId: shift " + shift + " is closed");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aVoidIsANewLedgerEntryAndCannotBeRepeated() {
        String shift = api.openShift("void");
        Reply sale = api.ringSale(twoLargeLattesWithExtraShot("void", shift));
        long head = box.headSeq();

        Reply voided = api.post("/api/v1/sales/" + sale.field("saleId") + "/void", Map.of("reason", "customer changed mind"));

        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.field("status")).isEqualTo("voided");
        assertThat(box.headSeq()).isEqualTo(head + VOID_ENTRIES);
        assertThat(api.post("/api/v1/sales/" + sale.field("saleId") + "/void", Map.of("reason", "again")).problemFields())
                .containsExactly("saleId");
        Reply blank = api.post("/api/v1/sales/" + sale.field("saleId") + "/void", Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.problemFields()).containsExactly("reason");
        assertThat(blank.body().path("detail").asText()).isEqualTo("reason: is required (at most 500 characters)");
        assertThat(api.post("/api/v1/sales/nope/void", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(box.headSeq()).isEqualTo(head + VOID_ENTRIES);
    }

    @Test
    void anAcceptedLineDiscountComesOffThatLineBeforeTaxServiceAndRounding() {
        String shift = api.openShift("discount");

        // Line 1: 2 large lattes with an extra shot at 30,000 = 60,000, less 7,350 = 52,650. Line 2: a regular latte, 25,000.
        // Subtotal 77,650; tax 10% = 7,765; service 5% = 3,882.5, half up 3,883; 77,650 + 7,765 + 3,883 = 89,298,
        // rounded half up to 100: 89,300 (rounding +2). Paid 100,000 cash: change 10,700.
        Reply reply = api.ringSale(sale("discount", shift,
                List.of(discounted(item("coffee-latte", "large", 2, List.of("extra-shot")), 7_350), item("coffee-latte", "regular", 1, List.of())),
                List.of(payment("cash", 100_000))));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.number("subtotal")).isEqualTo(77_650);
        assertThat(reply.number("taxTotal")).isEqualTo(7_765);
        assertThat(reply.number("serviceCharge")).isEqualTo(3_883);
        assertThat(reply.number("rounding")).isEqualTo(2);
        assertThat(reply.number("grandTotal")).isEqualTo(89_300);
        assertThat(reply.number("change")).isEqualTo(10_700);
        var lines = api.get("/api/v1/sales/" + reply.field("saleId")).body().path("lines");
        assertThat(List.of(lines.get(0).path("unitPrice").asLong(), lines.get(0).path("discount").asLong(), lines.get(0).path("lineTotal").asLong()))
                .containsExactly(30_000L, 7_350L, 52_650L);
        assertThat(List.of(lines.get(1).path("unitPrice").asLong(), lines.get(1).path("discount").asLong(), lines.get(1).path("lineTotal").asLong()))
                .containsExactly(25_000L, 0L, 25_000L);
    }

    @Test
    void aDiscountMayTakeALineToZeroButNotBelow() {
        String shift = api.openShift("free-line");
        long head = box.headSeq();

        Reply below = api.ringSale(sale("free-line", shift,
                List.of(discounted(item("coffee-latte", "regular", 1, List.of()), 25_001)), List.of(payment("cash", 100_000))));
        // A free regular latte and a paid one: subtotal 25,000; tax 2,500; service 1,250; 28,750 rounds half up to 28,800.
        Reply free = api.ringSale(sale("free-line", shift,
                List.of(discounted(item("coffee-latte", "regular", 1, List.of()), 25_000), item("coffee-latte", "regular", 1, List.of())),
                List.of(payment("card", 28_800))));

        assertThat(below.status()).isEqualTo(422);
        assertThat(below.problemFields()).containsExactly("items[0].discount");
        assertThat(below.body().path("detail").asText()).isEqualTo("items[0].discount: is more than the line's 25000");
        assertThat(box.headSeq()).isEqualTo(head + SALE_ENTRIES);
        assertThat(free.status()).as(free.toString()).isEqualTo(201);
        assertThat(free.number("subtotal")).isEqualTo(25_000);
        assertThat(free.number("taxTotal")).isEqualTo(2_500);
        assertThat(free.number("grandTotal")).isEqualTo(28_800);
        assertThat(api.get("/api/v1/sales/" + free.field("saleId")).body().path("lines").get(0).path("lineTotal").asLong()).isZero();
    }

    @Test
    void aVoidOfAStockTrackedSaleGivesBackExactlyItsUnitsOnce() {
        String shift = api.openShift("void-stock");
        api.put("/api/v1/catalog/products/scone", Map.of("name", "Scone", "price", 12_000, "taxId", "ppn-10", "categoryId", "food",
                "trackStock", true));
        api.post("/api/v1/stock/scone/adjustments", Map.of("delta", 10, "reason", "delivery"));
        assertThat(stockOf("scone")).isEqualTo(10);

        Reply sold = api.ringSale(sale("void-stock", shift,
                List.of(item("scone", null, 3, List.of()), item("coffee-latte", "regular", 1, List.of())), List.of(payment("cash", 100_000))));
        String saleId = sold.field("saleId");
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/sales/" + saleId).field("status")).isEqualTo("completed");
        assertThat(api.get("/api/v1/sales?limit=1").body().path("items").get(0).path("status").asText()).isEqualTo("completed");
        assertThat(stockOf("scone")).isEqualTo(7);

        api.voidSale(saleId, "rang the wrong table");
        assertThat(api.get("/api/v1/sales/" + saleId).field("status")).isEqualTo("voided");
        assertThat(api.get("/api/v1/sales?limit=1").body().path("items").get(0).path("status").asText()).isEqualTo("voided");
        assertThat(stockOf("scone")).isEqualTo(10);
        long head = box.headSeq();

        Reply again = api.post("/api/v1/sales/" + saleId + "/void", Map.of("reason", "rang the wrong table"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemFields()).containsExactly("saleId");
        assertThat(again.body().path("detail").asText()).isEqualTo("saleId: sale " + saleId + " is already voided");
        assertThat(api.get("/api/v1/sales/" + saleId).field("status")).isEqualTo("voided");
        assertThat(stockOf("scone")).isEqualTo(10);
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aVoidGivesBackExactlyTheStockItsSaleTook() {
        String shift = api.openShift("restock");
        Map<String, Object> muffin = new HashMap<>(Map.of("name", "Muffin", "price", 10_000, "taxId", "ppn-10", "categoryId", "food"));
        api.put("/api/v1/catalog/products/muffin", muffin);
        Reply untrackedSale = api.ringSale(backroom.edge.testing.Sales.one("restock", shift, "muffin", 11_500));
        muffin.put("trackStock", true);
        api.put("/api/v1/catalog/products/muffin", muffin);
        api.post("/api/v1/stock/muffin/adjustments", Map.of("delta", 5, "reason", "delivery"));

        api.voidSale(untrackedSale.field("saleId"), "wrong item");

        assertThat(stockOf("muffin")).isEqualTo(5);
    }

    @Test
    void aSaleOfAClosedShiftCannotBeVoided() {
        String shift = api.openShift("closed-void");
        Reply sale = api.ringSale(twoLargeLattesWithExtraShot("closed-void", shift));
        api.closeShift(shift, 569_000);
        long head = box.headSeq();

        Reply voided = api.post("/api/v1/sales/" + sale.field("saleId") + "/void", Map.of("reason", "too late"));

        assertThat(voided.status()).isEqualTo(409);
        assertThat(voided.problemFields()).containsExactly("saleId");
        assertThat(voided.body().path("detail").asText())
                .isEqualTo("saleId: sale " + sale.field("saleId") + " belongs to a closed shift and can no longer be voided");
        assertThat(api.get("/api/v1/sales/" + sale.field("saleId")).field("status")).isEqualTo("completed");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    private static Map<String, Object> discounted(Map<String, Object> item, long discount) {
        Map<String, Object> withDiscount = new HashMap<>(item);
        withDiscount.put("discount", discount);
        return withDiscount;
    }

    private static long stockOf(String productId) {
        for (var product : api.get("/api/v1/catalog").body().path("products")) {
            if (product.path("id").asText().equals(productId)) {
                return product.path("stockOnHand").asLong();
            }
        }
        throw new AssertionError("no product " + productId);
    }

    @Test
    void theSalesListPagesNewestFirstWithACursor() {
        String shift = api.openShift("pages");
        List<String> rung = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rung.add(api.ringSale(twoLargeLattesWithExtraShot("pages", shift)).field("saleId"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.get("/api/v1/sales?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().path("items").size()).isLessThanOrEqualTo(2);
            page.body().path("items").forEach(s -> seen.add(s.path("saleId").asText()));
            cursor = page.body().path("nextCursor").isNull() ? null : page.field("nextCursor");
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 5)).containsExactlyElementsOf(rung.reversed());
        assertThat(api.get("/api/v1/sales?limit=1").body().path("items")).extracting(item -> item.path("saleId").asText())
                .containsExactly(rung.getLast());
        assertThat(api.get("/api/v1/sales?limit=200").status()).isEqualTo(200);
        for (String limit : List.of("0", "201", "ten")) {
            Reply refused = api.get("/api/v1/sales?limit=" + limit);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.problemFields()).containsExactly("limit");
            assertThat(refused.body().path("detail").asText()).isEqualTo("limit: must be a whole number from 1 to 200");
        }
        assertThat(api.get("/api/v1/sales?cursor=bogus").problemFields()).containsExactly("cursor");
        assertThat(api.get("/api/v1/sales?from=yesterday").problemFields()).containsExactly("from");
        assertThat(api.get("/api/v1/sales/unknown").status()).isEqualTo(404);
    }

    @Test
    void theListKeepsToItsTimeWindowAndGivesNoCursorWhenAPageHoldsTheRest() {
        String shift = api.openShift("window");
        api.ringSale(twoLargeLattesWithExtraShot("window", shift));
        box.box().clock().advance(Duration.ofMinutes(1));
        // A sale's time is its entry's, to the millisecond: a window from a finer instant could miss a sale rung in that millisecond.
        Instant from = box.box().clock().instant().truncatedTo(ChronoUnit.MILLIS);
        String first = api.ringSale(twoLargeLattesWithExtraShot("window", shift)).field("saleId");
        String second = api.ringSale(twoLargeLattesWithExtraShot("window", shift)).field("saleId");
        Instant to = box.box().clock().instant().plusMillis(1);
        box.box().clock().advance(Duration.ofMinutes(1));
        api.ringSale(twoLargeLattesWithExtraShot("window", shift));
        String window = "from=" + from + "&to=" + to;

        Reply whole = api.get("/api/v1/sales?" + window + "&limit=2");
        assertThat(whole.body().path("items").findValuesAsText("saleId")).containsExactly(second, first);
        assertThat(whole.body().path("nextCursor").isNull()).isTrue();
        Reply half = api.get("/api/v1/sales?" + window + "&limit=1");
        assertThat(half.body().path("items").findValuesAsText("saleId")).containsExactly(second);
        Reply rest = api.get("/api/v1/sales?" + window + "&limit=1&cursor=" + half.field("nextCursor"));
        assertThat(rest.body().path("items").findValuesAsText("saleId")).containsExactly(first);
        assertThat(rest.body().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aVoidsReasonMayBe500CharactersButNoMore() {
        String shift = api.openShift("reasons");
        String sale = api.ringSale(twoLargeLattesWithExtraShot("reasons", shift)).field("saleId");
        long head = box.headSeq();
        Reply tooLong = api.post("/api/v1/sales/" + sale + "/void", Map.of("reason", "x".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.problemFields()).containsExactly("reason");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(api.voidSale(sale, "y".repeat(500)).status()).isEqualTo(200);
    }

    @Test
    void aTimeBeyondWhatTheLedgerCanHoldIsRefusedNamingItsParameter() {
        for (String parameter : List.of("from", "to")) {
            for (String time : List.of("-999999999-01-01T00:00:00Z", "%2B300000000-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z",
                    "-0001-12-31T23:59:59Z")) {
                Reply refused = api.get("/api/v1/sales?" + parameter + "=" + time);
                assertThat(refused.status()).as(parameter + "=" + time + ": " + refused).isEqualTo(400);
                assertThat(refused.problemFields()).containsExactly(parameter);
            }
        }
        assertThat(api.get("/api/v1/sales?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999Z").status()).isEqualTo(200);
    }
}
