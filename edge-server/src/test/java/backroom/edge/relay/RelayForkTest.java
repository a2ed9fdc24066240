package backroom.edge.relay;

import static backroom.edge.relay.RelayTest.awaitUntil;
import static backroom.edge.relay.RelayTest.relay;
import static backroom.edge.relay.RelayTest.ring;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.LiveScreen;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import backroom.relay.testing.Mosquitto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store's data folder restored from an old copy: HQ never overwrites what it holds. It keeps the
 * restored box's other entries aside and flags the store, and the box stops sending and says why,
 * also after a restart.
 */
class RelayForkTest {

    @TempDir
    Path dir;
    private Mosquitto broker;
    private Hq hq;
    private TestBox box;

    @AfterEach
    void stopAll() {
        if (box != null) {
            box.close();
        }
        if (hq != null) {
            hq.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private long copyHead;

    @Test
    void aRestoredCopyThatRingsNewSalesIsKeptAsideAtHqAndTheBoxStops() throws Exception {
        startDeliveredThenRestoreAnOldCopy();
        ring(box.api(), 10);
        long firstForked = copyHead + 1;
        List<String> hqBefore = hq.entries();
        try (LiveScreen technician = LiveScreen.connect(box.port(), "token=" + box.api().token());
             LiveScreen cashier = LiveScreen.connect(box.port(), "token=" + box.signedIn("cashier").token())) {
            broker.start();

            awaitUntil(() -> !relay(box.api()).body().path("halted").isNull());
            assertThat(relay(box.api()).field("halted")).startsWith("forked at seq " + firstForked + ": ");
            assertThat(nextRelayStatusHalted(technician).path("data").path("halted").asText())
                    .as("the live feed tells who may read the relay").startsWith("forked at seq " + firstForked + ": ");
            assertThat(cashier.waiting()).as("and nobody else").noneMatch(message -> message.path("type").asText().equals("relay.status"));
        }
        Reply health = box.api().get("/observe/health");
        assertThat(health.status()).isEqualTo(503);
        JsonNode relayCheck = check(health, "relay");
        assertThat(relayCheck.path("status").asText()).isEqualTo("DOWN");
        assertThat(relayCheck.path("data").path("problem").asText()).startsWith("forked at seq " + firstForked + ": ");
        assertThat(hq.entries()).as("HQ overwrote nothing").isEqualTo(hqBefore);
        assertThat(hq.strings("SELECT forked_at_seq FROM store_heads")).containsExactly(Long.toString(firstForked));
        List<String> restored = box.box().database().durableEntriesAfter(copyHead, 1_000).stream()
                .map(entry -> entry.seq() + " " + entry.hash()).toList();
        assertThat(hq.strings("SELECT seq || ' ' || hash FROM ledger_conflicts ORDER BY seq")).isEqualTo(restored);

        box.stop();
        box = TestBox.restart(box);
        assertThat(relay(box.api()).field("halted")).as("after a restart").startsWith("forked at seq " + firstForked + ": ");
    }

    @Test
    void aTechnicianResumesAHaltedRelayWhichHaltsAgainWhileHqStillHoldsAnotherHistory() throws Exception {
        startDeliveredThenRestoreAnOldCopy();
        assertThat(box.api().post("/api/v1/relay/resume", Map.of()).status()).as("nothing to resume yet").isEqualTo(409);
        ring(box.api(), 5);
        broker.start();
        awaitUntil(() -> !relay(box.api()).body().path("halted").isNull());
        String halted = relay(box.api()).field("halted");

        Reply resumed = box.api().post("/api/v1/relay/resume", Map.of());

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.body().path("halted").isNull()).isTrue();
        try (Handle handle = box.box().database().jdbi().open()) {
            JsonNode entry = new ObjectMapper().readTree(handle.createQuery(
                    "SELECT payload FROM ledger WHERE type = 'relay.resumed'").mapTo(String.class).one());
            assertThat(entry.path("halted").asText()).isEqualTo(halted);
            assertThat(entry.path("by").path("role").asText()).isEqualTo("technician");
        }
        awaitUntil(() -> !relay(box.api()).body().path("halted").isNull());
        assertThat(relay(box.api()).field("halted")).as("HQ still holds the other side").isEqualTo(halted);
    }

    @Test
    void aRestoredCopyBehindWhatHqHoldsSaysSoAndSendsNothingNew() throws Exception {
        Path copy = deliverCopyAndDeliverMore();
        long hqHead = box.headSeq();
        box.stop();
        TempFolders.delete(box.dataDir());
        TempFolders.copy(copy, box.dataDir());
        box = TestBox.restartUnattended(box);

        awaitUntil(() -> box.box().relay().status().halted() != null);
        assertThat(box.headSeq()).isEqualTo(copyHead);
        assertThat(box.box().relay().status().halted()).isEqualTo("behind HQ: HQ holds this store's ledger up to seq " + hqHead
                + ", this box's ends at " + copyHead + " (a restored or copied data folder?); a technician must act");
        assertThat(hq.strings("SELECT COUNT(*) FROM ledger_conflicts")).containsExactly("0");
    }

    /** The first relay.status on {@code screen} that says the relay halted, skipping every other message. */
    private static JsonNode nextRelayStatusHalted(LiveScreen screen) {
        while (true) {
            JsonNode message = screen.next();
            if (message.path("type").asText().equals("relay.status") && !message.path("data").path("halted").isNull()) {
                assertThat(message.has("seq")).as("a state, not an entry: no seq").isFalse();
                return message;
            }
        }
    }

    private static JsonNode check(Reply health, String name) {
        for (JsonNode check : health.body().path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("health has no " + name + " check: " + health.text());
    }

    /** A box that delivered everything, stopped; its data folder put back to an older copy; started again with the broker down. */
    private void startDeliveredThenRestoreAnOldCopy() throws Exception {
        Path copy = deliverCopyAndDeliverMore();
        broker.kill();
        restore(copy);
    }

    /** A relaying box delivers 20 sales, its data folder is copied, and it delivers 20 more; returns the copy. */
    private Path deliverCopyAndDeliverMore() throws Exception {
        broker = Mosquitto.start(dir);
        hq = Hq.onH2(dir, broker.url());
        hq.startSink();
        box = TestBox.start(config -> config.withRelay(hq.uplink()));
        ring(box.api(), 20);
        awaitUntil(() -> relay(box.api()).number("backlog") == 0);
        Path copy = copyOfData();
        ring(box.api(), 20);
        awaitUntil(() -> relay(box.api()).number("backlog") == 0);
        return copy;
    }

    private Path copyOfData() {
        box.stop();
        copyHead = box.headSeq();
        Path copy = dir.resolve("copy");
        TempFolders.copy(box.dataDir(), copy);
        box = TestBox.restart(box);
        return copy;
    }

    private void restore(Path copy) {
        box.stop();
        TempFolders.delete(box.dataDir());
        TempFolders.copy(copy, box.dataDir());
        box = TestBox.restart(box);
    }
}
