package backroom.edge.checks;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A discount on a whole check (a cashier up to 10%, a supervisor beyond) and a line's price set
 * by a supervisor, each written with its entry; tax and service worked out after them, and a
 * split after them adding up to the check.
 */
class CheckDiscountsTest {

    private TestBox box;
    private Api cashier;
    private Api supervisor;
    private String checkId;

    @BeforeEach
    void openACheck() {
        box = TestBox.start();
        cashier = box.signedIn("cashier");
        supervisor = box.signedIn("supervisor");
        checkId = cashier.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("tableId", "t1")).field("checkId");
        // A large latte with an extra shot (30,000) and two croissants (44,000): 74,000.
        cashier.postWithKey("/api/v1/checks/" + checkId + "/rounds", UUID.randomUUID().toString(), Map.of("items", List.of(
                Sales.item("coffee-latte", "large", 1, List.of("extra-shot")), Sales.item("food-croissant", null, 2, List.of()))));
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aCashiersTenPercentIsTakenBeforeTaxAndServiceAndAnythingMoreIsASupervisors() {
        JsonNode tenPercent = discount(cashier, Map.of("percentBp", 1_000, "reason", "regular")).body();
        assertThat(tenPercent.path("discountTotal").asLong()).isEqualTo(7_400);
        assertThat(tenPercent.path("subtotal").asLong()).isEqualTo(66_600);
        assertThat(tenPercent.path("taxTotal").asLong()).isEqualTo(6_660);
        assertThat(tenPercent.path("serviceCharge").asLong()).isEqualTo(3_330);
        assertThat(tenPercent.path("grandTotal").asLong()).as("76,590 rounded to the store's 100").isEqualTo(76_600);
        assertThat(tenPercent.path("lines").get(0).path("lineTotal").asLong()).as("the lines keep their prices").isEqualTo(30_000);

        long before = box.headSeq();
        Reply refused = discount(cashier, Map.of("percentBp", 1_001, "reason", "friend"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.problemFields()).containsExactly("percentBp");
        assertThat(discount(cashier, Map.of("amount", 7_401, "reason", "friend")).problemFields()).containsExactly("amount");
        assertThat(box.headSeq()).as("nothing written").isEqualTo(before);

        JsonNode half = discount(supervisor, Map.of("amount", 37_000, "reason", "complaint")).body();
        assertThat(half.path("discountTotal").asLong()).isEqualTo(37_000);
        assertThat(half.path("discountAmount").asLong()).isEqualTo(37_000);
        assertThat(half.path("discountPercentBp").isNull()).isTrue();
        assertThat(half.path("discountReason").asText()).isEqualTo("complaint");

        JsonNode none = discount(cashier, Map.of()).body();
        assertThat(none.path("discountTotal").asLong()).isZero();
        assertThat(none.path("discountReason").isNull()).isTrue();
        assertThat(none.path("grandTotal").asLong()).isEqualTo(85_100);
    }

    @Test
    void aPercentageKeepsApplyingToLaterRoundsAndASplitByItemAddsUpAfterIt() {
        discount(supervisor, Map.of("percentBp", 2_500, "reason", "happy hour"));
        JsonNode check = cashier.postWithKey("/api/v1/checks/" + checkId + "/rounds", UUID.randomUUID().toString(),
                Map.of("items", List.of(Sales.item("food-croissant", null, 1, List.of())))).body();
        assertThat(check.path("discountTotal").asLong()).isEqualTo(24_000);
        JsonNode split = cashier.post("/api/v1/checks/" + checkId + "/split", Map.of("by", "items",
                "parts", List.of(Map.of("lineNos", List.of(1)), Map.of("lineNos", List.of(2, 3))))).body();
        JsonNode parts = split.path("parts");
        assertThat(parts.get(0).path("subtotal").asLong()).as("the latte less its 25%").isEqualTo(22_500);
        assertThat(parts.get(0).path("subtotal").asLong() + parts.get(1).path("subtotal").asLong()).isEqualTo(72_000);
        assertThat(parts.get(0).path("grandTotal").asLong() + parts.get(1).path("grandTotal").asLong())
                .isEqualTo(split.path("grandTotal").asLong());
    }

    @Test
    void aSupervisorSetsALinesPriceACashierMayNot() {
        Reply byCashier = cashier.post("/api/v1/checks/" + checkId + "/lines/2/price", Map.of("unitPrice", 15_000, "reason", "stale"));
        assertThat(byCashier.status()).isEqualTo(403);

        long before = box.headSeq();
        JsonNode check = supervisor.post("/api/v1/checks/" + checkId + "/lines/2/price", Map.of("unitPrice", 15_000, "reason", "stale"))
                .body();
        assertThat(box.headSeq()).isEqualTo(before + 1);
        assertThat(check.path("lines").get(1).path("unitPrice").asLong()).isEqualTo(15_000);
        assertThat(check.path("lines").get(1).path("lineTotal").asLong()).isEqualTo(30_000);
        assertThat(check.path("subtotal").asLong()).isEqualTo(60_000);
        JsonNode free = supervisor.post("/api/v1/checks/" + checkId + "/lines/1/price", Map.of("unitPrice", 0, "reason", "on the house"))
                .body();
        assertThat(free.path("lines").get(0).path("lineTotal").asLong()).as("a line may come to nothing").isZero();
        supervisor.post("/api/v1/checks/" + checkId + "/lines/1/price", Map.of("unitPrice", 30_000, "reason", "charged after all"));
        assertThat(supervisor.post("/api/v1/checks/" + checkId + "/lines/9/price", Map.of("unitPrice", 1, "reason", "x")).status())
                .isEqualTo(404);
        Reply paid = cashier.postWithKey("/api/v1/checks/" + checkId + "/payments", UUID.randomUUID().toString(), Map.of(
                "registerId", "r1", "shiftId", cashier.openShift("r1"), "payments", List.of(Sales.payment("card", check.path("grandTotal")
                        .asLong()))));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.number("grandTotal")).isEqualTo(69_000);
    }

    private Reply discount(Api api, Map<String, Object> body) {
        return api.post("/api/v1/checks/" + checkId + "/discount", body);
    }
}
