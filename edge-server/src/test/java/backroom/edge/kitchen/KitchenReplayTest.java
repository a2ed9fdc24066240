package backroom.edge.kitchen;

import static backroom.edge.kitchen.KitchenTill.croissant;
import static backroom.edge.kitchen.KitchenTill.latteWithNotes;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kitchen's orders, items and the bumps a recall may still take back, rebuilt from the ledger
 * alone as a box whose disk died is rebuilt from HQ's copy: orders worked through every status by
 * bumps and status sets, recalled, rushed and unrushed, given a second round, cancelled by a void,
 * and the tables they take and free.
 */
class KitchenReplayTest {

    private static final String REGISTER = "r-kitchen";

    private TestBox box;
    private boolean stopped;
    private Path rebuilt;
    private Api api;
    private String shift;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        shift = api.openShift(REGISTER);
    }

    @AfterEach
    void removeFolders() {
        if (stopped) {
            box.deleteData();
        } else {
            box.close();
        }
        if (rebuilt != null) {
            TempFolders.delete(rebuilt);
        }
    }

    @Test
    void ordersThroughEveryStatusWithRecallsRushesRoundsAndVoidsAreRebuiltRowForRow() {
        String handedOver = ring("dine_in", "t1", latteWithNotes(), croissant()).field("orderId");
        bump(handedOver, "bar");
        later();
        bump(handedOver, "pastry");
        later();
        assertThat(bump(handedOver, "expo").path("status").asText()).isEqualTo("ready");
        later();
        assertThat(bump(handedOver, null).path("status").asText()).as("handed over, which frees t1").isEqualTo("completed");

        String secondRound = ring("dine_in", "t2", latteWithNotes()).field("orderId");
        bump(secondRound, "bar");
        later();
        bump(secondRound, "bar");
        assertThat(ring("dine_in", "t2", croissant()).field("orderId")).isEqualTo(secondRound);
        later();
        assertThat(recall("bar").path("status").asText()).as("the latte back to cooking, the croissant still pending")
                .isEqualTo("pending");
        rush(secondRound, true);

        String setAndCancelled = ring("takeaway", null, latteWithNotes(), croissant()).field("orderId");
        later();
        assertThat(status(setAndCancelled, "ready", null).path("status").asText()).isEqualTo("ready");
        assertThat(status(setAndCancelled, "cancelled", "pastry").path("status").asText()).isEqualTo("ready");
        rush(setAndCancelled, true);
        later();
        rush(setAndCancelled, false);

        Reply voided = ring("dine_in", "t3", latteWithNotes(), croissant());
        bump(voided.field("orderId"), "bar");
        later();
        api.voidSale(voided.field("saleId"), "guest left");

        String recalledTwice = ring("takeaway", null, croissant()).field("orderId");
        bump(recalledTwice, "pastry");
        later();
        bump(recalledTwice, "pastry");
        recall("pastry");
        later();
        assertThat(recall("pastry").path("startedAt").isNull()).as("back to pending").isTrue();

        String roundVoided = ring("dine_in", "t4", latteWithNotes()).field("orderId");
        Reply round = ring("dine_in", "t4", croissant());
        bump(roundVoided, null);
        later();
        api.voidSale(round.field("saleId"), "guest changed their mind");

        String backToPending = ring("dine_in", "t5", latteWithNotes()).field("orderId");
        bump(backToPending, null);
        bump(backToPending, null);
        later();
        assertThat(ring("dine_in", "t5", croissant()).field("orderId")).isEqualTo(backToPending);
        JsonNode pendingAgain = api.get("/api/v1/orders/" + backToPending).body();
        assertThat(List.of(pendingAgain.path("status").asText(), pendingAgain.path("readyAt").isNull()))
                .as("a round added to a ready order takes it back to pending, and its ready time with it")
                .containsExactly("pending", true);

        List<Tables.DiningTable> tables = read(box.dataDir(), Tables::all);
        List<KitchenOrder> onScreens = read(box.dataDir(), KitchenReplayTest::onScreens);
        assertThat(tables).extracting(Tables.DiningTable::status)
                .containsExactly("available", "occupied", "available", "occupied", "occupied");
        rebuild();

        RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "kitchen_orders", Set.of());
        RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "kitchen_items", Set.of());
        RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "kitchen_bumps", Set.of());
        assertThat(RebuiltCopy.rows(rebuilt, "kitchen_items", Set.of())).extracting(row -> row.get("status"))
                .contains("pending", "cooking", "ready", "completed", "cancelled");
        assertThat(read(rebuilt, Tables::all)).as("the tables the orders take and free").isEqualTo(tables);
        List<KitchenOrder> rebuiltScreens = read(rebuilt, KitchenReplayTest::onScreens);
        assertThat(rebuiltScreens).as("what the screens show, rushed first").isEqualTo(onScreens);
        assertThat(OfflineCheck.run(rebuilt, Box.tableAudits()).audit().intact())
                .as("the rebuilt tables held to the entries by their own audit").isTrue();
    }

    @Test
    void theBumpsARecallMayStillTakeBackAreRebuiltAndNoOthers() {
        String first = ring("takeaway", null, latteWithNotes()).field("orderId");
        String second = ring("takeaway", null, latteWithNotes()).field("orderId");
        long firstBump = box.headSeq() + 1;
        bump(first, "bar");
        long secondBump = box.headSeq() + 1;
        bump(second, "bar");
        bump(second, "bar");
        recall("bar");
        String third = ring("takeaway", null, latteWithNotes()).field("orderId");
        bump(third, "bar");
        status(third, "ready", null);
        rebuild();

        RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "kitchen_bumps", Set.of());
        assertThat(RebuiltCopy.rows(rebuilt, "kitchen_bumps", Set.of()))
                .as("the second's last bump was recalled, the third's forgotten by its status set")
                .extracting(row -> row.get("order_id") + " " + row.get("ledger_seq"))
                .containsExactlyInAnyOrder(first + " " + firstBump, second + " " + secondBump);
    }

    @SafeVarargs
    private Reply ring(String orderType, String tableId, Map<String, Object>... items) {
        return KitchenTill.ring(api, REGISTER, shift, orderType, tableId, items);
    }

    private JsonNode bump(String orderId, String station) {
        return ok(api.post("/api/v1/orders/" + orderId + "/bump", station == null ? Map.of() : Map.of("station", station)));
    }

    private JsonNode recall(String station) {
        return ok(api.post("/api/v1/orders/recall", Map.of("station", station)));
    }

    private JsonNode status(String orderId, String status, String station) {
        Map<String, Object> body = new HashMap<>(Map.of("status", status));
        if (station != null) {
            body.put("station", station);
        }
        return ok(api.post("/api/v1/orders/" + orderId + "/status", body));
    }

    private void rush(String orderId, boolean rush) {
        ok(api.post("/api/v1/orders/" + orderId + "/rush", Map.of("rush", rush)));
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    /** Moves the clock on, so that each status's time tells which entry set it. */
    private void later() {
        box.clock().advance(Duration.ofSeconds(90));
    }

    /** Stops the box and rebuilds its ledger's tables from its entries alone into {@link #rebuilt}. */
    private void rebuild() {
        box.stop();
        stopped = true;
        rebuilt = RebuiltCopy.of(box.dataDir());
    }

    private static List<KitchenOrder> onScreens(Handle handle) {
        return KitchenRows.list(handle, KitchenWrites.EXPO, KitchenRows.ON_SCREEN);
    }

    private static <T> T read(Path dataDir, HandleCallback<T, RuntimeException> query) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            return query.withHandle(handle);
        }
    }
}
