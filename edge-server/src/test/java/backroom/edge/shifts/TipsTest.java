package backroom.edge.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tips on card and cash payments, on top of what the payment puts toward the sale: kept with the
 * payment, counted in the drawer when in cash, and added up per staff member who rang the sale in
 * the X and Z reports; a voided sale's tips are not.
 */
class TipsTest {

    private static final long CROISSANT = 25_300;

    private TestBox box;

    @BeforeEach
    void start() {
        box = TestBox.start();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void eachStaffMembersCardAndCashTipsAreInTheZReportAndCashTipsInTheDrawer() {
        Api manager = box.api();
        String shift = manager.openShift("r-tips");
        Api ana = box.signedIn("cashier");
        Api budi = box.signedIn("cashier");
        Reply card = ring(ana, shift, Map.of("method", "card", "amount", CROISSANT, "tip", 3_000));
        assertThat(card.number("change")).isZero();
        JsonNode cardSale = ana.get("/api/v1/sales/" + card.field("saleId")).body();
        assertThat(cardSale.path("payments").get(0).path("tip").asLong()).isEqualTo(3_000);
        String anaId = cardSale.path("by").path("staffId").asText();
        Reply cash = ring(budi, shift, Map.of("method", "cash", "amount", 30_000, "tip", 2_000));
        assertThat(cash.number("change")).as("the tip is not change").isEqualTo(30_000 - CROISSANT);
        ring(ana, shift, Map.of("method", "cash", "amount", CROISSANT, "tip", 1_000));
        String voided = ring(budi, shift, Map.of("method", "card", "amount", CROISSANT, "tip", 9_000)).field("saleId");
        manager.voidSale(voided, "rang twice");

        JsonNode x = manager.get("/api/v1/shifts/" + shift + "/report").body();
        assertThat(x.path("tipsTotal").asLong()).isEqualTo(6_000);
        Map<String, JsonNode> byName = new HashMap<>();
        x.path("tipsByStaff").forEach(staff -> byName.put(staff.path("name").asText(), staff));
        assertThat(byName).hasSize(2);
        JsonNode anas = byName.values().stream().filter(staff -> staff.path("staffId").asText().equals(anaId)).findFirst().orElseThrow();
        assertThat(anas.path("card").asLong()).isEqualTo(3_000);
        assertThat(anas.path("cash").asLong()).isEqualTo(1_000);
        assertThat(anas.path("total").asLong()).isEqualTo(4_000);
        assertThat(x.path("expectedCash").asLong()).as("the float, two cash sales net of change, and the cash tips")
                .isEqualTo(500_000 + CROISSANT * 2 + 2_000 + 1_000);

        JsonNode z = manager.closeShift(shift, 500_000 + CROISSANT * 2 + 3_000).body();
        assertThat(z.path("variance").asLong()).isZero();
        assertThat(z.path("tipsByStaff")).hasSize(2);
    }

    @Test
    void aTipOnAnotherMethodOrANegativeTipIsRefusedNamingIt() {
        Api api = box.api();
        String shift = api.openShift("r-tips");
        for (Map<String, Object> payment : List.of(Map.<String, Object>of("method", "qris", "amount", CROISSANT, "tip", 1_000),
                Map.<String, Object>of("method", "card", "amount", CROISSANT, "tip", -1))) {
            long before = box.headSeq();
            Reply refused = api.ringSale(Sales.sale("r-tips", shift, List.of(Sales.item("food-croissant", null, 1, List.of())),
                    List.of(payment)));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.problemFields()).containsExactly("payments[0].tip");
            assertThat(box.headSeq()).isEqualTo(before);
        }
    }

    @Test
    void aTipOnAnOpenChecksPartGoesToWhoeverTookThePayment() {
        Api api = box.api();
        String shift = api.openShift("r-tips");
        Api ana = box.signedIn("cashier");
        String checkId = ana.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("tableId", "t1")).field("checkId");
        ana.postWithKey("/api/v1/checks/" + checkId + "/rounds", UUID.randomUUID().toString(),
                Map.of("items", List.of(Sales.item("food-croissant", null, 1, List.of()))));
        Reply paid = ana.postWithKey("/api/v1/checks/" + checkId + "/payments", UUID.randomUUID().toString(), Map.of("registerId", "r-tips",
                "shiftId", shift, "payments", List.of(Map.of("method", "card", "amount", CROISSANT, "tip", 2_500))));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        JsonNode x = api.get("/api/v1/shifts/" + shift + "/report").body();
        assertThat(x.path("tipsByStaff").get(0).path("card").asLong()).isEqualTo(2_500);
    }

    private static Reply ring(Api api, String shift, Map<String, Object> payment) {
        Reply sale = api.ringSale(Sales.sale("r-tips", shift, List.of(Sales.item("food-croissant", null, 1, List.of())), List.of(payment)));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        return sale;
    }
}
