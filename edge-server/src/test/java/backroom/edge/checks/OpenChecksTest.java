package backroom.edge.checks;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A table's check over an evening, against a real box: opened on a table it then holds, rounds
 * each sent to the kitchen as a ticket of their own, split and paid part by part, each part a sale
 * with its own receipt number; the table freed when the last part is paid. Every change one entry;
 * retries with the same Idempotency-Key change nothing.
 */
class OpenChecksTest {

    private TestBox box;
    private Api api;
    private String register;
    private String shift;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        register = "r-checks";
        shift = api.openShift(register);
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aTwoRoundCheckOnATableIsSplitThreeWaysPaidPartByPartAndFreesItsTable() {
        long before = box.headSeq();
        String checkId = open("t5");
        assertThat(typesAfter(before)).containsExactly("check.opened", "table.changed");
        assertThat(table("t5").path("status").asText()).isEqualTo("occupied");
        assertThat(table("t5").path("checkId").asText()).isEqualTo(checkId);

        long beforeRound = box.headSeq();
        JsonNode afterFirst = round(checkId, latte(2), croissant(1)).body();
        assertThat(typesAfter(beforeRound)).containsExactly("check.round_added", "order.created");
        assertThat(afterFirst.path("rounds").asInt()).isEqualTo(1);
        // 2 large lattes with an extra shot (2 x 30,000) and a croissant (22,000), 10% added tax.
        assertThat(afterFirst.path("subtotal").asLong()).isEqualTo(82_000);
        JsonNode afterSecond = round(checkId, croissant(2)).body();
        assertThat(afterSecond.path("lines")).hasSize(3);
        assertThat(afterSecond.path("lines").get(2).path("lineNo").asInt()).isEqualTo(3);
        assertThat(afterSecond.path("subtotal").asLong()).isEqualTo(126_000);
        assertThat(afterSecond.path("taxTotal").asLong()).isEqualTo(12_600);
        assertThat(afterSecond.path("serviceCharge").asLong()).as("5% on dine-in").isEqualTo(6_300);
        long grandTotal = afterSecond.path("grandTotal").asLong();
        assertThat(grandTotal).isEqualTo(144_900);
        assertThat(api.get("/api/v1/orders?station=pastry").body().path("orders").get(0).path("items")).as("two tickets, one order")
                .hasSize(2);

        JsonNode split = api.post("/api/v1/checks/" + checkId + "/split", Map.of("by", "equally", "ways", 3)).body();
        assertThat(split.path("parts")).hasSize(3);
        long[] partTotals = new long[3];
        for (int p = 0; p < 3; p++) {
            partTotals[p] = split.path("parts").get(p).path("grandTotal").asLong();
        }
        assertThat(partTotals).containsExactly(48_300, 48_300, 48_300);

        Set<String> receipts = new HashSet<>();
        List<String> saleIds = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            Reply paid = pay(checkId, p, 50_000);
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
            assertThat(paid.number("change")).isEqualTo(50_000 - partTotals[p - 1]);
            receipts.add(paid.field("receiptNumber"));
            saleIds.add(paid.field("saleId"));
            assertThat(paid.field("checkStatus")).isEqualTo(p < 3 ? "open" : "closed");
        }
        assertThat(receipts).hasSize(3);
        long sum = 0;
        for (String saleId : saleIds) {
            JsonNode sale = api.get("/api/v1/sales/" + saleId).body();
            assertThat(sale.path("tableId").asText()).isEqualTo("t5");
            sum += sale.path("grandTotal").asLong();
        }
        assertThat(sum).isEqualTo(grandTotal);
        assertThat(table("t5").path("status").asText()).as("freed once paid, though the kitchen still has its order").isEqualTo("available");
        assertThat(api.get("/api/v1/orders?station=pastry").body().path("orders")).hasSize(1);
        JsonNode closed = api.get("/api/v1/checks/" + checkId).body();
        assertThat(closed.path("status").asText()).isEqualTo("closed");
        assertThat(closed.path("balanceDue").asLong()).isZero();
        assertThat(table("t5").path("checkId").isNull()).isTrue();
    }

    @Test
    void aRetriedOpenRoundOrPaymentGetsItsFirstAnswerAndNothingIsDoneTwice() {
        String openKey = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("tableId", "t6");
        Reply first = api.postWithKey("/api/v1/checks", openKey, body);
        Reply again = api.postWithKey("/api/v1/checks", openKey, body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        String checkId = first.field("checkId");
        assertThat(openChecks()).containsExactly(checkId);

        String roundKey = UUID.randomUUID().toString();
        Map<String, Object> round = Map.of("items", List.of(croissant(1)));
        String firstRound = api.postWithKey("/api/v1/checks/" + checkId + "/rounds", roundKey, round).text();
        long afterFirst = box.headSeq();
        assertThat(api.postWithKey("/api/v1/checks/" + checkId + "/rounds", roundKey, round).text()).isEqualTo(firstRound);
        assertThat(box.headSeq()).as("nothing taken, sent or written again").isEqualTo(afterFirst);
        assertThat(api.postWithKey("/api/v1/checks/" + checkId + "/rounds", roundKey, Map.of("items", List.of(croissant(2)))).status())
                .as("the same key for another round").isEqualTo(409);

        String payKey = UUID.randomUUID().toString();
        Map<String, Object> payment = Map.of("registerId", register, "shiftId", shift, "payments", List.of(Sales.payment("card", 25_300)));
        Reply paid = api.postWithKey("/api/v1/checks/" + checkId + "/payments", payKey, payment);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        long afterPaid = box.headSeq();
        assertThat(api.postWithKey("/api/v1/checks/" + checkId + "/payments", payKey, payment).text()).isEqualTo(paid.text());
        assertThat(box.headSeq()).isEqualTo(afterPaid);
        assertThat(api.get("/api/v1/sales").body().path("items")).as("one sale").hasSize(1);
        assertThat(paid.field("checkStatus")).as("paid whole, in one part").isEqualTo("closed");
    }

    @Test
    void aCheckMovesToAFreeTableAndAnotherCheckMergesIntoItLettingItsTableGo() {
        String first = open("t1");
        round(first, croissant(1));
        Reply named = api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("tableId", "t2", "name", "  "));
        assertThat(named.body().path("name").isNull()).as("a blank name is none").isTrue();
        String second = named.field("checkId");
        round(second, latte(1), croissant(1));
        Reply taken = api.post("/api/v1/checks/" + first + "/move", Map.of("tableId", "t2"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problemFields()).containsExactly("tableId");

        JsonNode moved = api.post("/api/v1/checks/" + first + "/move", Map.of("tableId", "t3")).body();
        assertThat(moved.path("tableId").asText()).isEqualTo("t3");
        assertThat(table("t1").path("status").asText()).isEqualTo("available");
        assertThat(table("t3").path("checkId").asText()).isEqualTo(first);

        long before = box.headSeq();
        JsonNode merged = api.post("/api/v1/checks/" + first + "/merge", Map.of("fromCheckId", second)).body();
        assertThat(typesAfter(before)).containsExactly("check.merged", "table.changed");
        assertThat(merged.path("lines")).hasSize(3);
        assertThat(merged.path("lines").get(1).path("productId").asText()).isEqualTo("coffee-latte");
        assertThat(merged.path("lines").get(1).path("lineNo").asInt()).isEqualTo(2);
        assertThat(merged.path("lines").get(2).path("lineNo").asInt()).isEqualTo(3);
        // Two croissants (44,000) and a large latte with an extra shot (30,000): 74,000 + 10% tax + 5% service.
        assertThat(merged.path("grandTotal").asLong()).isEqualTo(74_000 + 7_400 + 3_700);
        assertThat(api.get("/api/v1/checks/" + second).body().path("status").asText()).isEqualTo("merged");
        assertThat(table("t2").path("status").asText()).isEqualTo("available");
        assertThat(api.post("/api/v1/checks/" + first + "/merge", Map.of("fromCheckId", second)).body().path("lines"))
                .as("a repeated merge changes nothing").hasSize(3);
        assertThat(openChecks()).containsExactly(first);
        String third = open("t4");
        Reply mergedAlready = api.post("/api/v1/checks/" + third + "/merge", Map.of("fromCheckId", second));
        assertThat(mergedAlready.status()).as("a check merged into another is no longer open").isEqualTo(409);
        assertThat(mergedAlready.problemFields()).containsExactly("fromCheckId");
    }

    @Test
    void aPaymentThatNamesNoPartPaysTheFirstUnpaidOne() {
        String checkId = open("t10");
        round(checkId, croissant(2));
        api.post("/api/v1/checks/" + checkId + "/split", Map.of("by", "equally", "ways", 2));
        Map<String, Object> payment = Map.of("registerId", register, "shiftId", shift, "payments", List.of(Sales.payment("cash", 30_000)));
        Reply first = api.postWithKey("/api/v1/checks/" + checkId + "/payments", UUID.randomUUID().toString(), payment);
        Reply second = api.postWithKey("/api/v1/checks/" + checkId + "/payments", UUID.randomUUID().toString(), payment);
        assertThat(first.number("partNo")).isEqualTo(1);
        assertThat(second.number("partNo")).isEqualTo(2);
        assertThat(second.field("receiptNumber")).isNotEqualTo(first.field("receiptNumber"));
        assertThat(second.field("checkStatus")).isEqualTo("closed");
    }

    @Test
    void aSplitByItemsPaysEachGuestsOwnLinesAndThePartsAddUpToTheCheck() {
        String checkId = open("t8");
        round(checkId, latte(1), croissant(1));
        round(checkId, croissant(1));
        JsonNode split = api.post("/api/v1/checks/" + checkId + "/split",
                Map.of("by", "items", "parts", List.of(Map.of("lineNos", List.of(1)), Map.of("lineNos", List.of(3, 2))))).body();
        JsonNode parts = split.path("parts");
        assertThat(parts.get(0).path("subtotal").asLong()).isEqualTo(30_000);
        assertThat(parts.get(1).path("subtotal").asLong()).isEqualTo(44_000);
        assertThat(parts.get(1).path("lineNos").toString()).isEqualTo("[2,3]");
        assertThat(parts.get(0).path("grandTotal").asLong() + parts.get(1).path("grandTotal").asLong())
                .isEqualTo(split.path("grandTotal").asLong());
        Reply second = pay(checkId, 2, parts.get(1).path("grandTotal").asLong());
        assertThat(second.field("checkStatus")).isEqualTo("open");
        assertThat(second.number("balanceDue")).isEqualTo(parts.get(0).path("grandTotal").asLong());
        Reply again = pay(checkId, 2, 100_000);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemFields()).containsExactly("partNo");
        Reply more = api.postWithKey("/api/v1/checks/" + checkId + "/rounds", UUID.randomUUID().toString(),
                Map.of("items", List.of(croissant(1))));
        assertThat(more.status()).as("a partly paid check takes no more items").isEqualTo(409);
        assertThat(pay(checkId, 1, 100_000).field("checkStatus")).isEqualTo("closed");
    }

    @Test
    void anOpenCheckOutlivesARestartOfTheBoxAndIsPaidAfterIt() {
        String checkId = open("t9");
        round(checkId, latte(2));
        box.stop();
        box = TestBox.restart(box);
        api = box.api();
        JsonNode check = api.get("/api/v1/checks/" + checkId).body();
        assertThat(check.path("status").asText()).isEqualTo("open");
        assertThat(check.path("lines")).hasSize(1);
        assertThat(table("t9").path("checkId").asText()).isEqualTo(checkId);
        Reply paid = pay(checkId, 1, check.path("grandTotal").asLong());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(table("t9").path("status").asText()).isEqualTo("available");
    }

    private String open(String tableId) {
        Reply opened = api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("tableId", tableId, "guests", 3));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.field("checkId");
    }

    @SafeVarargs
    private Reply round(String checkId, Map<String, Object>... items) {
        Reply reply = api.postWithKey("/api/v1/checks/" + checkId + "/rounds", UUID.randomUUID().toString(), Map.of("items", List.of(items)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    private Reply pay(String checkId, int partNo, long cash) {
        return api.postWithKey("/api/v1/checks/" + checkId + "/payments", UUID.randomUUID().toString(),
                Map.of("registerId", register, "shiftId", shift, "partNo", partNo, "payments", List.of(Sales.payment("cash", cash))));
    }

    private static Map<String, Object> latte(int quantity) {
        return Sales.item("coffee-latte", "large", quantity, List.of("extra-shot"));
    }

    private static Map<String, Object> croissant(int quantity) {
        return Sales.item("food-croissant", null, quantity, List.of());
    }

    private List<String> openChecks() {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/checks").body().path("checks").forEach(check -> ids.add(check.path("checkId").asText()));
        return ids;
    }

    private JsonNode table(String tableId) {
        for (JsonNode table : api.get("/api/v1/tables").body().path("tables")) {
            if (table.path("tableId").asText().equals(tableId)) {
                return table;
            }
        }
        throw new AssertionError("no table " + tableId);
    }

    private List<String> typesAfter(long seq) {
        return box.box().database().durableEntriesAfter(seq, 100).stream().map(LedgerEntry::type).toList();
    }
}
