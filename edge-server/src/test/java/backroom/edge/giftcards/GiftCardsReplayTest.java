package backroom.edge.giftcards;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.ReplayedDay;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A box rebuilt from its ledger holds every gift card and store credit as the old box left it: each balance and each movement. */
class GiftCardsReplayTest {

    private static final List<String> TABLES = List.of("stored_value_accounts", "stored_value_moves", "refunds", "sale_payments");

    @Test
    void aRebuiltBoxHoldsEveryCardItsBalanceAndItsMovements() {
        ReplayedDay.rebuildsTheSame(GiftCardsReplayTest::aDayOfCards, TABLES, rebuilt -> {
            assertThat(RebuiltCopy.rows(rebuilt, "stored_value_moves", Set.of())).hasSize(9);
        });
    }

    /** Two cards sold, one topped up; paid with, a payment voided, a refund onto a card and one as store credit, the credit spent. */
    private static void aDayOfCards(Api api) {
        String shift = api.openShift("r1");
        sell(api, shift, "GC-DAY0001", 60_000);
        sell(api, shift, null, 20_000);
        require(api.postWithKey("/api/v1/gift-cards/GC-DAY0001/top-ups", UUID.randomUUID().toString(), Map.of("amount", 5_000,
                "registerId", "r1", "shiftId", shift, "payments", List.of(Sales.payment("cash", 5_000)))));
        String voided = croissant(api, shift, GiftCardsTest.giftCard("GC-DAY0001", 25_300));
        api.voidSale(voided, "rang twice");
        String refunded = croissant(api, shift, GiftCardsTest.giftCard("GC-DAY0001", 25_300));
        require(api.post("/api/v1/sales/" + refunded + "/refunds", Map.of("reason", "cold")));
        String byCash = croissant(api, shift, Sales.payment("cash", 25_300));
        String credit = require(api.post("/api/v1/sales/" + byCash + "/refunds", Map.of("reason", "cold", "method", "store_credit")))
                .field("reference");
        croissant(api, shift, Map.of("method", "store_credit", "amount", 25_300, "reference", credit));
    }

    private static void sell(Api api, String shift, String number, long amount) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("amount", amount, "registerId", "r1", "shiftId", shift,
                "payments", List.of(Sales.payment("card", amount))));
        if (number != null) {
            body.put("number", number);
        }
        require(api.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), body));
    }

    private static String croissant(Api api, String shift, Map<String, Object> payment) {
        return require(api.ringSale(Sales.sale("r1", shift, List.of(Sales.item("food-croissant", null, 1, List.of())), List.of(payment))))
                .field("saleId");
    }

    private static Reply require(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        return reply;
    }
}
