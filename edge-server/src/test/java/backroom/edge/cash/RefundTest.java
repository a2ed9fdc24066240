package backroom.edge.cash;

import static backroom.edge.testing.Sales.item;
import static backroom.edge.testing.Sales.payment;
import static backroom.edge.testing.Sales.sale;
import static backroom.edge.testing.Sales.twoLargeLattesWithExtraShot;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RefundTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();
    static Api supervisor;

    @BeforeAll
    static void stock() {
        Api technician = box.api();
        for (String product : new String[] {"mint", "cookie"}) {
            technician.put("/api/v1/catalog/products/" + product, Map.of("name", product, "price", product.equals("mint") ? 1_000 : 10_000,
                    "taxId", "ppn-10", "categoryId", "food", "trackStock", true));
            technician.post("/api/v1/stock/" + product + "/adjustments", Map.of("delta", 100, "reason", "delivery"));
        }
        supervisor = box.box().signedIn("supervisor");
    }

    @Test
    void aSaleRefundedInPartsGivesBackExactlyItsGrandTotalAndItsStock() {
        String shift = supervisor.openShift("rf1");
        Reply sold = supervisor.ringSale(sale("rf1", shift,
                List.of(item("coffee-latte", "large", 2, List.of("extra-shot")), item("cookie", null, 1, List.of())),
                List.of(payment("card", 80_500))));
        assertThat(sold.number("grandTotal")).isEqualTo(80_500);
        long cookiesBefore = onHand("cookie");

        Reply cookie = refund(sold, Map.of("items", List.of(Map.of("lineNo", 2, "quantity", 1)), "reason", "stale"));
        Reply rest = refund(sold, Map.of("reason", "customer changed their mind"));
        Reply nothingLeft = refund(sold, Map.of("reason", "again"));

        assertThat(cookie.status()).isEqualTo(201);
        assertThat(cookie.number("amount")).isEqualTo(11_500);
        assertThat(cookie.field("method")).isEqualTo("card");
        assertThat(cookie.field("shiftId")).isEqualTo(shift);
        assertThat(rest.number("amount")).isEqualTo(69_000);
        assertThat(rest.body().path("lines").findValuesAsText("lineNo")).containsExactly("1");
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(nothingLeft.problemFields()).containsExactly("items");
        assertThat(onHand("cookie")).isEqualTo(cookiesBefore + 1);
        Reply shown = supervisor.get("/api/v1/sales/" + sold.field("saleId"));
        assertThat(shown.body().path("refunds")).hasSize(2);
        assertThat(shown.body().path("refunds").get(0).path("amount").asLong()).isEqualTo(11_500);
        assertThat(shown.body().path("refunds").get(1).path("amount").asLong()).isEqualTo(69_000);
        JsonNode cookieLine = shown.body().path("refunds").get(0).path("lines");
        assertThat(cookieLine).hasSize(1);
        assertThat(cookieLine.get(0).path("lineNo").asInt()).isEqualTo(2);
        assertThat(cookieLine.get(0).path("quantity").asInt()).isEqualTo(1);
        assertThat(cookieLine.get(0).path("amount").asLong()).isEqualTo(11_500);
    }

    @Test
    void unitsThatDoNotDivideEvenlyShareTheRemainderSoTheTotalIsExact() {
        String shift = supervisor.openShift("rf2");
        Reply sold = supervisor.ringSale(sale("rf2", shift, List.of(item("mint", null, 3, List.of())), List.of(payment("cash", 3_500))));
        assertThat(sold.number("grandTotal")).isEqualTo(3_500);

        List<Long> amounts = List.of(1, 2, 3).stream()
                .map(i -> refund(sold, Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 1)), "reason", "melted")).number("amount"))
                .toList();

        assertThat(amounts).containsExactly(1_166L, 1_167L, 1_167L);
    }

    @Test
    void refusedRefundsNameTheFieldAndWriteNothing() {
        String shift = supervisor.openShift("rf3");
        Reply sold = supervisor.ringSale(twoLargeLattesWithExtraShot("rf3", shift));
        Reply voided = supervisor.ringSale(twoLargeLattesWithExtraShot("rf3", shift));
        supervisor.voidSale(voided.field("saleId"), "test");
        long head = box.headSeq();

        assertThat(refund(sold, Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 3)), "reason", "x")).problemFields())
                .containsExactly("items[0].quantity");
        assertThat(refund(sold, Map.of("items", List.of(Map.of("lineNo", 9, "quantity", 1)), "reason", "x")).problemFields())
                .containsExactly("items[0].lineNo");
        assertThat(refund(sold, Map.of("method", "gold")).problemFields()).containsExactly("reason", "method");
        assertThat(refund(voided, Map.of("reason", "x")).status()).isEqualTo(409);
        assertThat(supervisor.post("/api/v1/sales/nope/refunds", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aRefundAfterTheSalesShiftClosedIsPaidFromTheShiftOpenNow() {
        String first = supervisor.openShift("rf4");
        Reply sold = supervisor.ringSale(twoLargeLattesWithExtraShot("rf4", first));
        supervisor.closeShift(first, 569_000);
        long head = box.headSeq();

        Reply noShift = refund(sold, Map.of("reason", "came back next day"));
        assertThat(noShift.status()).isEqualTo(409);
        assertThat(noShift.problemFields()).containsExactly("shiftId");
        assertThat(box.headSeq()).isEqualTo(head);

        String next = supervisor.openShift("rf4");
        Reply refunded = refund(sold, Map.of("reason", "came back next day"));
        assertThat(refunded.field("shiftId")).isEqualTo(next);
        Reply x = supervisor.get("/api/v1/shifts/" + next + "/report");
        assertThat(x.number("refundsTotal")).isEqualTo(69_000);
        assertThat(x.number("expectedCash")).isEqualTo(500_000 - 69_000);
    }

    @Test
    void aRefundRetriedWithItsIdempotencyKeyGivesBackNothingMore() {
        String shift = supervisor.openShift("rf5");
        Reply sold = supervisor.ringSale(twoLargeLattesWithExtraShot("rf5", shift));
        Map<String, Object> one = Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 1)), "reason", "spilt");

        Reply first = supervisor.postWithKey("/api/v1/sales/" + sold.field("saleId") + "/refunds", "refund-key-1", one);
        Reply again = supervisor.postWithKey("/api/v1/sales/" + sold.field("saleId") + "/refunds", "refund-key-1", one);
        Reply otherBody = supervisor.postWithKey("/api/v1/sales/" + sold.field("saleId") + "/refunds", "refund-key-1",
                Map.of("reason", "everything"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(supervisor.get("/api/v1/sales/" + sold.field("saleId")).body().path("refunds")).hasSize(1);
    }

    @Test
    void aSaleWithARefundCannotBeVoidedSoNothingIsGivenBackTwice() {
        String shift = supervisor.openShift("rf-void");
        Reply sold = supervisor.ringSale(sale("rf-void", shift, List.of(item("cookie", null, 2, List.of())), List.of(payment("cash", 30_000))));
        assertThat(refund(sold, Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 1)), "reason", "stale")).status()).isEqualTo(201);
        long cookies = onHand("cookie");
        long head = box.headSeq();

        Reply voided = supervisor.post("/api/v1/sales/" + sold.field("saleId") + "/void", Map.of("reason", "rang twice"));

        assertThat(voided.status()).isEqualTo(409);
        assertThat(voided.contentType()).isEqualTo("application/problem+json");
        assertThat(voided.problemFields()).containsExactly("saleId");
        assertThat(onHand("cookie")).isEqualTo(cookies);
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(refund(sold, Map.of("reason", "the rest")).status()).isEqualTo(201);
        assertThat(onHand("cookie")).isEqualTo(cookies + 1);
    }

    @Test
    void partialRefundsAcrossRequestsGiveBackUpToTheLinesQuantityAndNeverPastIt() {
        String shift = supervisor.openShift("rf-parts");
        long cookies = onHand("cookie");
        // 3 cookies at 10,000: 30,000 + tax 3,000 + service 1,500 = 34,500; a third is 11,500.
        Reply oneThenTwo = supervisor.ringSale(sale("rf-parts", shift, List.of(item("cookie", null, 3, List.of())),
                List.of(payment("cash", 34_500))));
        assertThat(oneThenTwo.number("grandTotal")).isEqualTo(34_500);
        assertThat(onHand("cookie")).isEqualTo(cookies - 3);

        Reply one = refund(oneThenTwo, units(1, 1));
        Reply two = refund(oneThenTwo, units(1, 2));
        long head = box.headSeq();
        Reply past = refund(oneThenTwo, units(1, 1));

        assertThat(List.of(one.status(), two.status())).containsExactly(201, 201);
        assertThat(one.body().path("lines")).isEqualTo(json(List.of(Map.of("lineNo", 1, "quantity", 1, "amount", 11_500))));
        assertThat(two.body().path("lines")).isEqualTo(json(List.of(Map.of("lineNo", 1, "quantity", 2, "amount", 23_000))));
        assertThat(one.number("amount") + two.number("amount")).isEqualTo(34_500);
        assertThat(past.status()).isEqualTo(409);
        assertThat(past.problemFields()).containsExactly("items[0].quantity");
        assertThat(past.body().path("detail").asText()).isEqualTo("items[0].quantity: only 0 of line 1 are left to refund");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(onHand("cookie")).isEqualTo(cookies);

        Reply twoThenTwo = supervisor.ringSale(sale("rf-parts", shift, List.of(item("cookie", null, 3, List.of())),
                List.of(payment("cash", 34_500))));
        Reply firstTwo = refund(twoThenTwo, units(1, 2));
        head = box.headSeq();
        Reply twoMore = refund(twoThenTwo, units(1, 2));
        assertThat(twoMore.status()).isEqualTo(409);
        assertThat(twoMore.problemFields()).containsExactly("items[0].quantity");
        assertThat(twoMore.body().path("detail").asText()).isEqualTo("items[0].quantity: only 1 of line 1 are left to refund");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(onHand("cookie")).isEqualTo(cookies - 1);
        Reply last = refund(twoThenTwo, units(1, 1));
        assertThat(List.of(firstTwo.number("amount"), last.number("amount"))).containsExactly(23_000L, 11_500L);
        assertThat(onHand("cookie")).isEqualTo(cookies);
        assertThat(supervisor.get("/api/v1/sales/" + twoThenTwo.field("saleId")).body().path("refunds"))
                .extracting(refund -> refund.path("amount").asLong()).containsExactly(23_000L, 11_500L);
    }

    @Test
    void aLineNamedTwiceInOneRefundIsRefusedSoNoMoreThanItsQuantityComesBack() {
        String shift = supervisor.openShift("rf-twice");
        // 2 cookies: 20,000 + tax 2,000 + service 1,000 = 23,000.
        Reply sold = supervisor.ringSale(sale("rf-twice", shift, List.of(item("cookie", null, 2, List.of())), List.of(payment("cash", 23_000))));
        long cookies = onHand("cookie");
        long head = box.headSeq();

        Reply threeOfTwo = refund(sold, Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 1), Map.of("lineNo", 1, "quantity", 2)),
                "reason", "x"));
        Reply oneAndOne = refund(sold, Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 1), Map.of("lineNo", 1, "quantity", 1)),
                "reason", "x"));

        for (Reply refused : List.of(threeOfTwo, oneAndOne)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.problemFields()).containsExactly("items[1].lineNo");
            assertThat(refused.body().path("detail").asText()).isEqualTo("items[1].lineNo: names a line already given earlier in items");
        }
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(onHand("cookie")).isEqualTo(cookies);
        assertThat(supervisor.get("/api/v1/sales/" + sold.field("saleId")).body().path("refunds")).isEmpty();
        Reply both = refund(sold, units(1, 2));
        assertThat(both.number("amount")).isEqualTo(23_000);
        assertThat(onHand("cookie")).isEqualTo(cookies + 2);
    }

    @Test
    void aRefundLowersTheExpectedCashOfTheShiftThatPaysItAndOnlyWhenPaidInCash() {
        String sales = supervisor.openShift("rf-cash");
        String other = supervisor.openShift("rf-cash-2");
        // Each sale: 2 large lattes with an extra shot, 69,000; one latte back is 34,500.
        Reply cashSale = supervisor.ringSale(twoLargeLattesWithExtraShot("rf-cash", sales));
        Reply cardSale = supervisor.ringSale(sale("rf-cash", sales, List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))),
                List.of(payment("card", 69_000))));

        Reply cashSaleByCard = refund(cashSale, with(units(1, 1), "method", "card"));
        Reply cardSaleAsPaid = refund(cardSale, units(1, 1));
        Reply cashSaleFromTheOtherDrawer = refund(cashSale, with(units(1, 1), "shiftId", other));
        Reply cardSaleInCash = refund(cardSale, with(units(1, 1), "method", "cash"));

        assertThat(List.of(cashSaleByCard, cardSaleAsPaid, cashSaleFromTheOtherDrawer, cardSaleInCash))
                .extracting(reply -> reply.field("method") + " " + reply.number("amount") + " " + (reply.field("shiftId").equals(sales) ? "sales" : "other"))
                .containsExactly("card 34500 sales", "card 34500 sales", "cash 34500 other", "cash 34500 sales");
        // The sales' shift: float 500,000 + cash 100,000 - change 31,000 = 569,000, less the one cash refund it paid.
        Reply x = supervisor.get("/api/v1/shifts/" + sales + "/report");
        assertThat(x.number("expectedCash")).isEqualTo(534_500);
        assertThat(x.number("refundsCount")).isEqualTo(3);
        assertThat(x.number("refundsTotal")).isEqualTo(103_500);
        assertThat(x.body().path("refundsByMethod")).isEqualTo(json(Map.of("card", 69_000, "cash", 34_500)));
        assertThat(x.body().path("totalsByMethod")).isEqualTo(json(Map.of("card", 69_000, "cash", 69_000)));
        Reply otherX = supervisor.get("/api/v1/shifts/" + other + "/report");
        assertThat(otherX.number("expectedCash")).isEqualTo(465_500);
        assertThat(otherX.number("refundsCount")).isEqualTo(1);
        assertThat(otherX.body().path("refundsByMethod")).isEqualTo(json(Map.of("cash", 34_500)));

        Reply z = supervisor.closeShift(sales, 534_000);
        Reply otherZ = supervisor.closeShift(other, 465_500);

        assertThat(List.of(z.number("expectedCash"), z.number("variance"))).containsExactly(534_500L, -500L);
        assertThat(z.body().path("refundsByMethod")).isEqualTo(json(Map.of("card", 69_000, "cash", 34_500)));
        assertThat(List.of(otherZ.number("expectedCash"), otherZ.number("variance"))).containsExactly(465_500L, 0L);
    }

    private static Map<String, Object> units(int lineNo, int quantity) {
        return Map.of("items", List.of(Map.of("lineNo", lineNo, "quantity", quantity)), "reason", "returned");
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> more = new HashMap<>(body);
        more.put(key, value);
        return more;
    }

    private static JsonNode json(Object value) {
        return new ObjectMapper().valueToTree(value);
    }

    private static Reply refund(Reply sale, Map<String, Object> body) {
        return supervisor.post("/api/v1/sales/" + sale.field("saleId") + "/refunds", body);
    }

    private static long onHand(String productId) {
        return box.box().box().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT on_hand FROM stock_levels WHERE product_id = :id").bind("id", productId).mapTo(Long.class).one());
    }
}
