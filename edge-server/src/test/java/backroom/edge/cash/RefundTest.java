package backroom.edge.cash;

import static backroom.edge.testing.Sales.item;
import static backroom.edge.testing.Sales.payment;
import static backroom.edge.testing.Sales.sale;
import static backroom.edge.testing.Sales.twoLargeLattesWithExtraShot;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
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

    private static Reply refund(Reply sale, Map<String, Object> body) {
        return supervisor.post("/api/v1/sales/" + sale.field("saleId") + "/refunds", body);
    }

    private static long onHand(String productId) {
        return box.box().box().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT on_hand FROM stock_levels WHERE product_id = :id").bind("id", productId).mapTo(Long.class).one());
    }
}
