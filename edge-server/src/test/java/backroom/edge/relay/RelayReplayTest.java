package backroom.edge.relay;

import static backroom.edge.relay.RelayTest.awaitUntil;
import static backroom.edge.relay.RelayTest.relay;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRebuild;
import backroom.edge.testing.RebuiltBox;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import backroom.relay.hq.StoreDownlink;
import backroom.relay.hq.StoreSecrets;
import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.testing.Mosquitto;
import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreCommand;
import backroom.relay.wire.StoreConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A box rebuilt from the entries HQ holds of it, through a real Mosquitto: what HQ's config and
 * commands wrote comes back, so the config and commands HQ keeps retained, delivered again when the
 * rebuilt box connects, are neither applied nor done a second time, and the box sends HQ only what
 * it writes after the rebuild.
 */
class RelayReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_SECRET = "rotated-secret-abcdefghijklmnop";
    private static final List<String> CATALOG_TABLES = List.of("store_settings", "tax_rates", "categories", "products",
            "product_variants", "product_modifiers");

    @TempDir
    Path dir;
    private Mosquitto broker;
    private Hq hq;

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(dir);
        hq = Hq.onH2(dir, broker.url());
        hq.startSink(StoreSecrets.parse(List.of("kopi/s1 " + NEW_SECRET + " " + Hq.SECRET), "rotating"));
    }

    @AfterEach
    void stopAll() {
        hq.close();
        broker.close();
    }

    @Test
    void hqsRetainedConfigAndCommandsAreNotDoneAgainByTheBoxRebuiltFromItsCopy() throws Exception {
        TestBox box = TestBox.start(config -> config.withRelay(hq.uplink()));
        box.pairDevice("terminal");
        JsonNode devices = box.api().get("/api/v1/devices").body().path("items");
        String tablet = devices.get(devices.size() - 1).path("deviceId").asText();
        push(new StoreConfig(3, JSON.valueToTree(Map.of(
                "taxes", List.of(Map.of("id", "pb1", "name", "PB1 10%", "rateBp", 1000, "inclusive", false)),
                "categories", List.of(Map.of("id", "snacks", "name", "Snacks", "station", "pastry"), Map.of("id", "tea", "name", "Teas")),
                "products", List.of(
                        Map.of("id", "pisang-goreng", "name", "Pisang goreng", "categoryId", "snacks", "price", 15_000, "taxId", "pb1",
                                "trackStock", true, "modifiers", List.of(Map.of("id", "keju", "name", "Cheese", "price", 4_000))),
                        Map.of("id", "teh-tarik", "name", "Teh tarik", "categoryId", "tea", "price", 18_000,
                                "variants", List.of(Map.of("id", "hot", "name", "Hot", "priceDelta", 0),
                                        Map.of("id", "iced", "name", "Iced", "priceDelta", 2_000)))))),
                JSON.valueToTree(Map.of("storeName", "Kopi Kemang", "serviceChargeBp", 0, "kdsAmberSeconds", 200))));
        awaitUntil(() -> relay(box.api()).number("configVersion") == 3);
        send(StoreCommand.revokeDevice("revoke-1", tablet));
        awaitUntil(() -> count(box.box(), "command.done") == 1);
        push(new StoreConfig(5, JSON.valueToTree(Map.of("products", List.of(Map.of("id", "teh-tarik", "name", "Teh tarik",
                "categoryId", "tea", "price", 19_000, "variants", List.of(Map.of("id", "iced", "name", "Iced", "priceDelta", 1_000)))))),
                null));
        awaitUntil(() -> relay(box.api()).number("configVersion") == 5);
        send(StoreCommand.resend("resend-1", 1));
        awaitUntil(() -> count(box.box(), "command.done") == 2);
        send(StoreCommand.rotateSecret("rotate-1", NEW_SECRET, Hq.SECRET));
        awaitUntil(() -> count(box.box(), "command.done") == 3);
        // The newest seq in the table, not the writer's head: a write's rows are visible once it
        // commits, and the head moves only after the file is forced, so under load the count above
        // saw the third command while the head still stood before it.
        awaitUntil(() -> ackedInDatabase(box) == newestSeq(box) && checked() == newestSeq(box));
        long head = newestSeq(box);
        box.stop();

        List<LedgerEntry> held = hq.ledger();
        assertThat(held).hasSize((int) head);
        assertThat(held.stream().filter(entry -> entry.type().equals("command.done")).map(LedgerEntry::payload))
                .as("the commands done, in HQ's copy").hasSize(3);
        Path rebuilt = rebuild(held);
        try {
            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "relay_config", Set.of());
            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "relay_commands", Set.of());
            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "relay_state", Set.of("store_secret"));
            assertThat(RebuiltCopy.rows(box.dataDir(), "relay_state", Set.of()).getFirst()).containsEntry("store_secret", NEW_SECRET);
            assertThat(RebuiltCopy.rows(rebuilt, "relay_state", Set.of()).getFirst())
                    .as("HQ holds every entry; the rotated secret is in no entry")
                    .containsEntry("acked_seq", Long.toString(head)).containsEntry("halted", null).containsEntry("store_secret", null);
            for (String table : CATALOG_TABLES) {
                RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, table, Set.of());
            }
            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "devices", Set.of("token_hash"));
            assertThat(RebuiltBox.auditIntact(rebuilt)).isTrue();

            try (Box started = RebuiltBox.start(rebuilt, config -> config.withRelay(hq.uplink()))) {
                awaitUntil(() -> started.relay().status().connected());
                push(new StoreConfig(6, JSON.valueToTree(Map.of()), JSON.valueToTree(Map.of("storeName", "Kopi Kemang 2"))));
                send(StoreCommand.revokeDevice("revoke-2", "no-such-device"));
                awaitUntil(() -> started.relay().status().configVersion() == 6 && count(started, "command.done") == 4);
                assertThat(count(started, "config.applied")).as("the retained 5 was not applied again, only 6").isEqualTo(3);
                assertThat(count(started, "command.done")).as("the retained revoke-1, resend-1 and rotate-1 were not done again")
                        .isEqualTo(4);
                assertThat(count(started, "device.revoked")).isEqualTo(1);
                awaitUntil(() -> started.relay().status().backlog() == 0 && checked() == started.database().writer().head().seq());
                assertThat(hq.ledger()).as("HQ holds each entry once: the rebuilt box sent only what it wrote")
                        .hasSize((int) started.database().writer().head().seq()).startsWith(held.toArray(LedgerEntry[]::new));
            }
        } finally {
            TempFolders.delete(rebuilt);
            box.deleteData();
        }
    }

    private static Path rebuild(List<LedgerEntry> entries) throws Exception {
        Path folder = Files.createTempDirectory("backroom-from-hq");
        try (LedgerRebuild rebuild = LedgerRebuild.into(folder, Box.tableReplays())) {
            rebuild.add(entries);
            rebuild.finish();
        }
        return folder;
    }

    private long checked() {
        try {
            return hq.checkedSeq();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ackedInDatabase(TestBox box) {
        return box.box().database().jdbi().withHandle(handle -> handle.createQuery("SELECT acked_seq FROM relay_state")
                .mapTo(Long.class).one());
    }

    private static long newestSeq(TestBox box) {
        return box.box().database().jdbi().withHandle(handle -> handle.createQuery("SELECT MAX(seq) FROM ledger")
                .mapTo(Long.class).one());
    }

    private static long count(Box box, String type) {
        try (Handle handle = box.database().jdbi().open()) {
            return handle.createQuery("SELECT COUNT(*) FROM ledger WHERE type = :type").bind("type", type).mapTo(Long.class).one();
        }
    }

    private void push(StoreConfig config) throws MqttException {
        try (StoreDownlink downlink = StoreDownlink.connect(BrokerSettings.plain(broker.url()), Hq.STORE, new Signature(Hq.SECRET))) {
            downlink.pushConfig(config);
        }
    }

    private void send(StoreCommand command) throws MqttException {
        try (StoreDownlink downlink = StoreDownlink.connect(BrokerSettings.plain(broker.url()), Hq.STORE, new Signature(Hq.SECRET))) {
            downlink.send(command);
        }
    }
}
