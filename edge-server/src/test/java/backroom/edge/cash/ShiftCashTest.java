package backroom.edge.cash;

import static backroom.edge.testing.Sales.item;
import static backroom.edge.testing.Sales.payment;
import static backroom.edge.testing.Sales.sale;
import static backroom.edge.testing.Sales.twoLargeLattesWithExtraShot;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import backroom.edge.testing.SignIn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A supervisor's whole shift: sales, a void, a refund, cash in and out, a no-sale open, and the Z report. */
class ShiftCashTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    @Test
    void theZReportAccountsForEverySaleVoidRefundCashMovementAndNoSaleOpen() {
        String staffId = box.box().addStaff("Sari", "supervisor", "5150");
        Api sari = box.api().as(SignIn.session(box.box().port(), box.box().pairDevice("terminal"), "5150"));
        long before = box.headSeq();
        String shift = sari.post("/api/v1/shifts", Map.of("registerId", "cz", "openingFloat", 500_000)).field("shiftId");
        Reply cashSale = sari.ringSale(twoLargeLattesWithExtraShot("cz", shift));
        sari.ringSale(sale("cz", shift, List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))), List.of(payment("card", 69_000))));
        Reply voided = sari.ringSale(sale("cz", shift, List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))),
                List.of(payment("cash", 69_000))));
        sari.voidSale(voided.field("saleId"), "rang twice");
        Reply refund = sari.post("/api/v1/sales/" + cashSale.field("saleId") + "/refunds",
                Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 1)), "reason", "spilt"));
        Reply in = sari.post("/api/v1/shifts/" + shift + "/cash-movements", Map.of("kind", "in", "amount", 50_000, "reason", "coins from the bank"));
        Reply out = sari.post("/api/v1/shifts/" + shift + "/cash-movements", Map.of("kind", "out", "amount", 20_000, "reason", "paid the milk supplier"));
        Reply noSale = sari.post("/api/v1/drawer/open", Map.of("registerId", "cz", "reason", "customer needed change"));

        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.number("amount")).isEqualTo(34_500);
        assertThat(refund.field("method")).isEqualTo("cash");
        assertThat(List.of(in.status(), out.status(), noSale.status())).containsExactly(201, 201, 201);
        assertThat(out.field("shiftId")).isEqualTo(shift);
        assertThat(out.field("kind")).isEqualTo("out");
        assertThat(out.number("amount")).isEqualTo(20_000);
        assertThat(out.field("reason")).isEqualTo("paid the milk supplier");
        assertThat(out.body().path("by").path("staffId").asText()).isEqualTo(staffId);
        assertThat(noSale.field("shiftId")).isEqualTo(shift);

        Reply x = sari.get("/api/v1/shifts/" + shift + "/report");
        Reply z = sari.closeShift(shift, 560_000);

        long expected = 500_000 + (100_000 - 31_000) + 50_000 - 20_000 - 34_500;
        assertThat(x.number("expectedCash")).isEqualTo(expected);
        assertThat(z.number("expectedCash")).isEqualTo(expected);
        assertThat(z.number("countedCash")).isEqualTo(560_000);
        assertThat(z.number("variance")).isEqualTo(560_000 - expected);
        assertThat(z.body().path("totalsByMethod")).isEqualTo(json(Map.of("cash", 69_000, "card", 69_000)));
        assertThat(z.number("salesCount")).isEqualTo(2);
        assertThat(z.number("salesTotal")).isEqualTo(138_000);
        assertThat(z.number("voidsCount")).isEqualTo(1);
        assertThat(z.number("voidsTotal")).isEqualTo(69_000);
        assertThat(z.number("refundsCount")).isEqualTo(1);
        assertThat(z.number("refundsTotal")).isEqualTo(34_500);
        assertThat(z.body().path("refundsByMethod")).isEqualTo(json(Map.of("cash", 34_500)));
        assertThat(z.number("cashIn")).isEqualTo(50_000);
        assertThat(z.number("cashOut")).isEqualTo(20_000);
        assertThat(z.number("noSaleOpens")).isEqualTo(1);

        List<JsonNode> entries = box.box().box().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT type, payload FROM ledger WHERE seq > :before ORDER BY seq").bind("before", before)
                .map((rs, ctx) -> entry(rs.getString("type"), rs.getString("payload"))).list());
        assertThat(entries).extracting(node -> node.path("type").asText()).as("each sale with its kitchen order, the void with its cancellation")
                .containsExactly("shift.opened", "sale.completed", "order.created", "sale.completed", "order.created", "sale.completed",
                        "order.created", "sale.voided", "order.status_changed", "sale.refunded", "cash.moved", "cash.moved",
                        "drawer.opened", "shift.closed");
        String deviceId = entries.getFirst().path("payload").path("by").path("deviceId").asText();
        assertThat(box.api().get("/api/v1/devices").body().path("items").findValuesAsText("deviceId")).contains(deviceId);
        for (JsonNode entry : entries) {
            JsonNode by = entry.path("payload").path("by");
            assertThat(by.path("staffId").asText()).as(entry.toString()).isEqualTo(staffId);
            assertThat(by.path("staffName").asText()).isEqualTo("Sari");
            assertThat(by.path("role").asText()).isEqualTo("supervisor");
            assertThat(by.path("deviceId").asText()).isEqualTo(deviceId);
        }
    }

    @Test
    void cashMovementsAreRefusedNamingTheFieldAndWriteNothing() {
        Api supervisor = box.box().signedIn("supervisor");
        String shift = supervisor.post("/api/v1/shifts", Map.of("registerId", "cm", "openingFloat", 100_000)).field("shiftId");
        long head = box.headSeq();

        assertThat(supervisor.post("/api/v1/shifts/" + shift + "/cash-movements", Map.of("kind", "sideways", "amount", 0))
                .problemFields()).containsExactly("kind", "amount", "reason");
        Reply tooMuch = supervisor.post("/api/v1/shifts/" + shift + "/cash-movements",
                Map.of("kind", "out", "amount", 100_001, "reason", "bank drop"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.problemFields()).containsExactly("amount");
        assertThat(tooMuch.body().path("detail").asText()).isEqualTo("amount: the drawer should hold only 100000; cannot take out 100001");
        assertThat(supervisor.post("/api/v1/shifts/nope/cash-movements", Map.of("kind", "in", "amount", 1, "reason", "x")).status())
                .isEqualTo(404);
        assertThat(supervisor.post("/api/v1/drawer/open", Map.of("registerId", "cm")).problemFields()).containsExactly("reason");
        assertThat(box.headSeq()).isEqualTo(head);

        supervisor.post("/api/v1/shifts/" + shift + "/cash-movements", Map.of("kind", "out", "amount", 100_000, "reason", "bank drop"));
        supervisor.closeShift(shift, 0);
        Reply closed = supervisor.post("/api/v1/shifts/" + shift + "/cash-movements", Map.of("kind", "in", "amount", 1, "reason", "late"));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.problemFields()).containsExactly("shiftId");
        assertThat(closed.body().path("detail").asText()).isEqualTo("shiftId: shift " + shift + " is closed");
        assertThat(supervisor.get("/api/v1/shifts/" + shift + "/cash-movements").body().path("items").findValuesAsText("kind"))
                .containsExactly("out");
    }

    @Test
    void aCashierMayNotMoveCashOpenTheDrawerOrRefund() {
        Api cashier = box.box().signedIn("cashier");
        String shift = cashier.openShift("cc");
        Reply sale = cashier.ringSale(twoLargeLattesWithExtraShot("cc", shift));
        long head = box.headSeq();

        assertThat(cashier.post("/api/v1/shifts/" + shift + "/cash-movements", Map.of("kind", "out", "amount", 1, "reason", "x"))
                .status()).isEqualTo(403);
        assertThat(cashier.post("/api/v1/drawer/open", Map.of("registerId", "cc", "reason", "x")).status()).isEqualTo(403);
        Reply refund = cashier.post("/api/v1/sales/" + sale.field("saleId") + "/refunds", Map.of("reason", "x"));
        assertThat(refund.status()).isEqualTo(403);
        assertThat(refund.contentType()).isEqualTo("application/problem+json");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    private static JsonNode json(Object value) {
        return new ObjectMapper().valueToTree(value);
    }

    /** A ledger row as {"type":..., "payload":{...}}. */
    private static JsonNode entry(String type, String payload) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            return mapper.createObjectNode().put("type", type).set("payload", mapper.readTree(payload));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
