package backroom.edge.kitchen;

import static backroom.edge.kitchen.KitchenTill.croissant;
import static backroom.edge.kitchen.KitchenTill.latteWithNotes;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sale's kitchen order, made in the sale's own ledger write: each line at its station (the
 * product's, else its category's), expo seeing all; its life through bumps, a recall, a rush, a
 * second round and a void, one entry per change; and the table it occupies.
 */
class KitchenOrdersTest {

    private TestBox box;
    private Api api;
    private String register;
    private String shift;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        register = "r-kitchen";
        shift = api.openShift(register);
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aDineInSaleSendsEachLineToItsStationInTheSalesOwnWriteAndTakesItsTable() {
        long before = box.headSeq();
        Reply sale = ring("dine_in", "t5", latteWithNotes(), croissant());

        String orderId = sale.field("orderId");
        assertThat(orderId).isEqualTo(sale.field("saleId"));
        assertThat(typesAfter(before)).containsExactly("sale.completed", "order.created", "table.changed");
        assertThat(sale.number("ledgerSeq")).isEqualTo(before + 1);

        JsonNode bar = onlyOrder(api.get("/api/v1/orders?station=bar"));
        assertThat(bar.path("orderId").asText()).isEqualTo(orderId);
        assertThat(bar.path("tableId").asText()).isEqualTo("t5");
        assertThat(bar.path("status").asText()).isEqualTo("pending");
        assertThat(bar.path("items")).hasSize(1);
        JsonNode latte = bar.path("items").get(0);
        assertThat(latte.path("name").asText()).isEqualTo("Latte");
        assertThat(latte.path("variant").asText()).isEqualTo("Large");
        assertThat(latte.path("modifiers").toString()).isEqualTo("[\"Extra shot\"]");
        assertThat(latte.path("notes").asText()).isEqualTo("no sugar");
        assertThat(latte.path("quantity").asInt()).isEqualTo(2);
        assertThat(onlyOrder(api.get("/api/v1/orders?station=pastry")).path("items").get(0).path("productId").asText())
                .isEqualTo("food-croissant");
        assertThat(onlyOrder(api.get("/api/v1/orders?station=expo")).path("items")).hasSize(2);
        assertThat(api.get("/api/v1/orders?station=grill").body().path("orders")).isEmpty();

        JsonNode table = table("t5");
        assertThat(table.path("status").asText()).isEqualTo("occupied");
        assertThat(table.path("currentOrderId").asText()).isEqualTo(orderId);
        assertThat(box.verifyChain().intact()).isTrue();
    }

    @Test
    void bumpsTakeEachStationOnAndTheOrderFollowsItsSlowestItemUntilItIsHandedOver() {
        String orderId = ring("dine_in", "t2", latteWithNotes(), croissant()).field("orderId");

        assertThat(bump(orderId, "bar").path("status").asText()).as("the croissant is not started").isEqualTo("pending");
        JsonNode cooking = bump(orderId, "pastry");
        assertThat(cooking.path("status").asText()).isEqualTo("cooking");
        assertThat(cooking.path("startedAt").isTextual()).isTrue();
        assertThat(cooking.path("readyAt").isNull()).isTrue();

        long beforeReady = box.headSeq();
        JsonNode ready = bump(orderId, "expo");
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("readyAt").isTextual()).isTrue();
        assertThat(typesAfter(beforeReady)).containsExactly("order.ready");
        assertThat(ready.path("items").findValuesAsText("status")).containsOnly("ready");

        JsonNode completed = bump(orderId, null);
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("completedAt").isTextual()).isTrue();
        assertThat(table("t2").path("status").asText()).isEqualTo("available");
        assertThat(api.get("/api/v1/orders").body().path("orders")).as("completed orders leave the screens").isEmpty();

        Reply again = api.post("/api/v1/orders/" + orderId + "/bump", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemFields()).containsExactly("orderId");
    }

    @Test
    void aRecallTakesTheStationsLastBumpBackAndOnlyThat() {
        String first = ring("takeaway", null, latteWithNotes()).field("orderId");
        String second = ring("takeaway", null, latteWithNotes()).field("orderId");
        bump(first, "bar");
        bump(second, "bar");
        bump(second, "bar");

        long before = box.headSeq();
        JsonNode recalled = recall("bar");
        assertThat(recalled.path("orderId").asText()).isEqualTo(second);
        assertThat(recalled.path("status").asText()).isEqualTo("cooking");
        assertThat(recalled.path("readyAt").isNull()).isTrue();
        assertThat(typesAfter(before)).containsExactly("order.recalled");

        assertThat(recall("bar").path("orderId").asText()).as("the bump before it").isEqualTo(second);
        JsonNode third = recall("bar");
        assertThat(third.path("orderId").asText()).isEqualTo(first);
        assertThat(third.path("status").asText()).isEqualTo("pending");
        assertThat(third.path("startedAt").isNull()).isTrue();
        Reply nothingLeft = api.post("/api/v1/orders/recall", Map.of("station", "bar"));
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(nothingLeft.problemFields()).containsExactly("station");
    }

    @Test
    void aSecondRoundOnAnOpenTableIsANewTicketOnTheSameOrder() {
        String orderId = ring("dine_in", "t7", latteWithNotes()).field("orderId");
        bump(orderId, null);
        bump(orderId, null);

        long before = box.headSeq();
        Reply round = ring("dine_in", "t7", croissant());
        assertThat(round.field("orderId")).isEqualTo(orderId);
        assertThat(typesAfter(before)).as("the table stays occupied").containsExactly("sale.completed", "order.ticket_added");
        JsonNode order = api.get("/api/v1/orders/" + orderId).body();
        assertThat(order.path("tickets").asInt()).isEqualTo(2);
        assertThat(order.path("status").asText()).as("the new round is still to make").isEqualTo("pending");
        assertThat(order.path("items").findValuesAsText("ticketNo")).containsExactly("1", "2");
        assertThat(order.path("items").findValuesAsText("status")).containsExactly("ready", "pending");

        assertThat(ring("dine_in", "t8", croissant()).field("orderId")).as("another table").isNotEqualTo(orderId);
        assertThat(ring("takeaway", null, croissant()).field("orderId")).isNotEqualTo(orderId);
    }

    @Test
    void aBumpMovesOnlyTheStationsLeastAdvancedItemsAndTheRecallTakesBackOnlyThose() {
        String orderId = ring("dine_in", "t6", latteWithNotes()).field("orderId");
        bump(orderId, "bar");
        assertThat(ring("dine_in", "t6", latteWithNotes()).field("orderId")).as("a second round at the same station").isEqualTo(orderId);

        JsonNode bumped = bump(orderId, "bar");
        assertThat(bumped.path("items").findValuesAsText("status")).as("the new round catches up; the first stays").containsExactly("cooking", "cooking");
        recall("bar");
        assertThat(api.get("/api/v1/orders/" + orderId).body().path("items").findValuesAsText("status"))
                .as("only what the last bump moved goes back").containsExactly("cooking", "pending");
    }

    @Test
    void aVoidCancelsWhatOfItsSaleIsNotDoneAndFreesTheTable() {
        Reply sale = ring("dine_in", "t3", latteWithNotes(), croissant());
        String orderId = sale.field("orderId");
        bump(orderId, "bar");

        long before = box.headSeq();
        assertThat(api.voidSale(sale.field("saleId"), "guest left").status()).isEqualTo(200);
        assertThat(typesAfter(before)).containsExactly("sale.voided", "order.status_changed", "table.changed");
        JsonNode order = api.get("/api/v1/orders/" + orderId).body();
        assertThat(order.path("status").asText()).isEqualTo("cancelled");
        assertThat(order.path("items").findValuesAsText("status")).containsOnly("cancelled");
        assertThat(table("t3").path("status").asText()).isEqualTo("available");
        assertThat(table("t3").path("currentOrderId").isNull()).isTrue();
    }

    @Test
    void aVoidOfASecondRoundCancelsThatRoundAloneAndARecallStaysAtItsStation() {
        String orderId = ring("dine_in", "t4", latteWithNotes(), croissant()).field("orderId");
        Reply round = ring("dine_in", "t4", croissant());
        bump(orderId, "bar");
        bump(orderId, "pastry");

        assertThat(recall("bar").path("items").findValuesAsText("status"))
                .as("the bar's bump goes back, not the pastry's made after it").containsExactly("pending", "cooking", "cooking");
        assertThat(api.voidSale(round.field("saleId"), "guest changed their mind").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/" + orderId).body().path("items").findValuesAsText("status"))
                .as("only the voided round's croissant").containsExactly("pending", "cooking", "cancelled");
        assertThat(table("t4").path("status").asText()).isEqualTo("occupied");
    }

    @Test
    void cancellingAnOrderLeavesWhatIsCompletedCompleted() {
        String orderId = ring("takeaway", null, latteWithNotes(), croissant()).field("orderId");
        for (int i = 0; i < 3; i++) {
            bump(orderId, "bar");
        }
        Reply cancelled = api.post("/api/v1/orders/" + orderId + "/status", Map.of("status", "cancelled"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("items").findValuesAsText("status")).containsExactly("completed", "cancelled");
    }

    @Test
    void retailGoodsAndLinesNoStationMakesSendNothingToTheKitchen() {
        long before = box.headSeq();
        Reply beans = api.ringSale(Sales.sale(register, shift, List.of(Sales.item("retail-beans-250", null, 1, List.of())),
                List.of(Sales.payment("cash", 100_000))));
        assertThat(beans.status()).isEqualTo(201);
        assertThat(beans.body().path("orderId").isNull()).isTrue();
        assertThat(typesAfter(before)).containsExactly("sale.completed");
        assertThat(ring("retail", null, latteWithNotes()).body().path("orderId").isNull()).as("a retail sale").isTrue();
    }

    @Test
    void aProductWithNoStationOfItsOwnGoesToItsCategorysStation() {
        Map<String, Object> product = new HashMap<>(Map.of("name", "Flat white", "categoryId", "coffee", "price", 26_000,
                "taxId", "ppn-10", "trackStock", false));
        assertThat(api.put("/api/v1/catalog/products/coffee-flat-white", product).status()).isEqualTo(200);

        String orderId = ring("takeaway", null, Sales.item("coffee-flat-white", null, 1, List.of())).field("orderId");

        assertThat(api.get("/api/v1/orders/" + orderId).body().path("items").get(0).path("station").asText()).isEqualTo("bar");
    }

    @Test
    void aRushedOrderComesFirstAndOrdersOtherwiseOldestFirst() {
        String first = ring("takeaway", null, croissant()).field("orderId");
        String second = ring("takeaway", null, croissant()).field("orderId");
        assertThat(orderIds(api.get("/api/v1/orders?station=pastry"))).containsExactly(first, second);
        assertThat(api.get("/api/v1/orders/" + first).body().path("orderNumber").asInt()).as("a new box's first").isEqualTo(1);
        assertThat(api.get("/api/v1/orders/" + second).body().path("orderNumber").asInt()).isEqualTo(2);

        Reply rushed = api.post("/api/v1/orders/" + second + "/rush", Map.of("rush", true));
        assertThat(rushed.status()).isEqualTo(200);
        assertThat(rushed.body().path("rush").asBoolean()).isTrue();
        assertThat(orderIds(api.get("/api/v1/orders?station=pastry"))).containsExactly(second, first);
        assertThat(orderIds(api.get("/api/v1/orders?station=pastry&status=cooking"))).isEmpty();
    }

    @Test
    void statusSetsMoveOrdersForwardOrCancelThemButNeverBack() {
        String orderId = ring("takeaway", null, latteWithNotes(), croissant()).field("orderId");

        Reply ready = api.post("/api/v1/orders/" + orderId + "/status", Map.of("status", "ready"));
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("status").asText()).isEqualTo("ready");
        assertThat(ready.body().path("startedAt").isTextual()).as("a skipped status gets its time too").isTrue();

        Reply back = api.post("/api/v1/orders/" + orderId + "/status", Map.of("status", "cooking"));
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.problemFields()).containsExactly("status");
        Reply cancelled = api.post("/api/v1/orders/" + orderId + "/status", Map.of("status", "cancelled", "station", "pastry"));
        assertThat(cancelled.body().path("status").asText()).as("the latte is still ready").isEqualTo("ready");
    }

    @Test
    void badRequestsNameTheirFieldAndWriteNothing() {
        String orderId = ring("takeaway", null, croissant()).field("orderId");
        long before = box.headSeq();

        assertProblem(api.post("/api/v1/orders/" + orderId + "/status", Map.of("status", "burnt")), 422, "status");
        assertProblem(api.post("/api/v1/orders/" + orderId + "/status", Map.of()), 422, "status");
        assertProblem(api.post("/api/v1/orders/" + orderId + "/rush", Map.of()), 422, "rush");
        assertProblem(api.post("/api/v1/orders/" + orderId + "/rush", Map.of("rush", "yes")), 400, "rush");
        assertProblem(api.post("/api/v1/orders/" + orderId + "/bump", Map.of("station", "")), 422, "station");
        assertProblem(api.post("/api/v1/orders/" + orderId + "/bump", Map.of("station", "x".repeat(65))), 422, "station");
        Reply elsewhere = api.post("/api/v1/orders/" + orderId + "/bump", Map.of("station", "x".repeat(64)));
        assertThat(elsewhere.status()).as("the longest station name is one; nothing of the order is made there").isEqualTo(409);
        assertThat(elsewhere.body().path("detail").asText()).endsWith("has nothing left to bump at station " + "x".repeat(64));
        assertProblem(api.get("/api/v1/orders?status=pending,burnt"), 400, "status");
        assertThat(api.post("/api/v1/orders/no-such-order/bump", Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/orders/no-such-order").status()).isEqualTo(404);
        assertThat(box.headSeq()).isEqualTo(before);

        assertThat(api.post("/api/v1/orders/" + orderId + "/bump", Map.of()).status()).isEqualTo(200);
        assertThat(box.box().database().durableEntriesAfter(before, 10).getFirst().payload())
                .as("the entry says how the order moved, and where").contains("\"how\":\"bump\"", "\"station\":null");
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/orders/" + orderId + "/bump", Map.of());
        }
        Reply done = api.post("/api/v1/orders/" + orderId + "/bump", Map.of());
        assertThat(done.status()).isEqualTo(409);
        assertThat(done.body().path("detail").asText()).as("no station named, none in the message").endsWith("has nothing left to bump");
    }

    @Test
    void ordersAndTablesAreAsTheyWereAfterARestart() {
        String orderId = ring("dine_in", "t9", latteWithNotes()).field("orderId");
        JsonNode bumped = bump(orderId, "bar");
        box.stop();
        box = TestBox.restart(box);
        api = box.api();

        assertThat(api.get("/api/v1/orders/" + orderId).body()).isEqualTo(bumped);
        assertThat(table("t9").path("status").asText()).isEqualTo("occupied");
        assertThat(recall("bar").path("orderId").asText()).as("a recall after the restart").isEqualTo(orderId);
    }

    @Test
    void aKitchenScreenWithNobodySignedInSeesAndBumpsOrdersButRingsNothing() {
        String orderId = ring("takeaway", null, croissant()).field("orderId");
        Api screen = box.newDevice("kds");

        assertThat(orderIds(screen.get("/api/v1/orders?station=pastry"))).containsExactly(orderId);
        assertThat(screen.post("/api/v1/orders/" + orderId + "/bump", Map.of("station", "pastry")).status()).isEqualTo(200);
        assertThat(screen.ringSale(Sales.twoLargeLattesWithExtraShot(register, shift)).status()).isEqualTo(403);
        assertThat(box.newDevice("terminal").post("/api/v1/orders/" + orderId + "/bump", Map.of()).status())
                .as("a till with nobody signed in").isEqualTo(403);
    }

    @SafeVarargs
    private Reply ring(String orderType, String tableId, Map<String, Object>... items) {
        return KitchenTill.ring(api, register, shift, orderType, tableId, items);
    }

    private JsonNode bump(String orderId, String station) {
        Reply reply = api.post("/api/v1/orders/" + orderId + "/bump", station == null ? Map.of() : Map.of("station", station));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode recall(String station) {
        Reply reply = api.post("/api/v1/orders/recall", Map.of("station", station));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode table(String tableId) {
        for (JsonNode table : api.get("/api/v1/tables").body().path("tables")) {
            if (table.path("tableId").asText().equals(tableId)) {
                return table;
            }
        }
        throw new AssertionError("no table " + tableId);
    }

    private static JsonNode onlyOrder(Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("orders")).hasSize(1);
        return reply.body().path("orders").get(0);
    }

    private static List<String> orderIds(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.body().path("orders").forEach(order -> ids.add(order.path("orderId").asText()));
        return ids;
    }

    private List<String> typesAfter(long seq) {
        return box.box().database().durableEntriesAfter(seq, 100).stream().map(LedgerEntry::type).toList();
    }

    private static void assertProblem(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.problemFields()).containsExactly(field);
    }
}
