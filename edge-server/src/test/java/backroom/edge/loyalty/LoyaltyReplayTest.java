package backroom.edge.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.ReplayedDay;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A box rebuilt from its ledger holds the loyalty program, every member and every movement of their points as the old box left them. */
class LoyaltyReplayTest {

    private static final List<String> TABLES = List.of("loyalty_program", "customers", "loyalty_moves");

    @Test
    void aRebuiltBoxHoldsTheProgramEveryMemberAndTheirPoints() {
        ReplayedDay.rebuildsTheSame(LoyaltyReplayTest::aDayOfMembers, TABLES, rebuilt -> {
            assertThat(RebuiltCopy.rows(rebuilt, "loyalty_moves", Set.of())).hasSize(7);
        });
    }

    /** A program changed once, two members; sales earning points (one voided, one refunded), points paid and a tier reached. */
    private static void aDayOfMembers(Api api) {
        String shift = api.openShift("r1");
        Map<String, Object> tier = Map.of("id", "basic", "name", "Basic", "threshold", 0, "multiplierBp", 10_000);
        require(api.put("/api/v1/loyalty/program", Map.of("amountPerPoint", 10_000, "pointValue", 1_000, "tiers", List.of(tier))));
        require(api.put("/api/v1/loyalty/program", Map.of("amountPerPoint", 5_000, "pointValue", 1_000, "tiers", List.of(tier,
                Map.of("id", "silver", "name", "Silver", "threshold", 50_000, "multiplierBp", 15_000)))));
        String sari = require(api.post("/api/v1/customers", Map.of("name", "Sari", "phone", "0811111111"))).field("customerId");
        require(api.post("/api/v1/customers", Map.of("name", "Budi", "cardNumber", "LOY-0002")));
        String voided = latte(api, shift, sari, Sales.payment("card", 28_800));
        require(api.voidSale(voided, "wrong member"));
        String refunded = latte(api, shift, sari, Sales.payment("card", 28_800));
        require(api.post("/api/v1/sales/" + refunded + "/refunds", Map.of("reason", "cold", "method", "card")));
        latte(api, shift, sari, Sales.payment("card", 28_800));
        latte(api, shift, sari, Map.of("method", "points", "amount", 1_000), Sales.payment("card", 27_800));
    }

    @SafeVarargs
    private static String latte(Api api, String shift, String member, Map<String, Object>... payments) {
        Map<String, Object> sale = new HashMap<>(Sales.sale("r1", shift, List.of(Sales.item("coffee-latte", "large", 1, List.of())),
                List.of(payments)));
        sale.put("customerId", member);
        return require(api.ringSale(sale)).field("saleId");
    }

    private static Reply require(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        return reply;
    }
}
