package backroom.edge.relay;

import static backroom.edge.relay.RelayTest.awaitUntil;
import static backroom.edge.relay.RelayTest.relay;
import static backroom.edge.relay.RelayTest.ring;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import backroom.relay.hq.HqSink;
import backroom.relay.hq.StoreDownlink;
import backroom.relay.hq.StoreSecrets;
import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.testing.Mosquitto;
import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreCommand;
import backroom.relay.wire.StoreConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HQ's config and commands reach the box through a real Mosquitto, retained and signed: each
 * config applied once, in one ledger write, only when newer; each command done once, however often
 * it is delivered, also across a restart.
 */
class RelayDownlinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Mosquitto broker;
    private Hq hq;
    private TestBox box;

    @BeforeEach
    void start() {
        broker = Mosquitto.start(dir);
        hq = Hq.onH2(dir, broker.url());
        box = TestBox.start(config -> config.withRelay(hq.uplink()));
    }

    @AfterEach
    void stopAll() {
        box.close();
        hq.close();
        broker.close();
    }

    @Test
    void aNewerConfigIsAppliedOnceInOneWriteAndStaysAfterARestart() throws Exception {
        push(new StoreConfig(5, tehTarik(18_000), settings("Kopi Kemang", 0)));

        awaitUntil(() -> relay(box.api()).number("configVersion") == 5);
        Reply catalog = box.api().get("/api/v1/catalog");
        assertThat(catalog.body().path("settings").path("storeName").asText()).isEqualTo("Kopi Kemang");
        assertThat(ringOne("teh-tarik").number("grandTotal")).as("the new price, and no service charge").isEqualTo(18_000);
        assertThat(typesWritten()).containsSubsequence("catalog.imported", "config.applied");
        assertThat(count("config.applied")).isEqualTo(1);
        assertThat(entryWith("config.applied").path("version").asLong()).isEqualTo(5);

        box.stop();
        box = TestBox.restart(box);
        awaitUntil(() -> relay(box.api()).body().path("connected").asBoolean());
        push(new StoreConfig(5, tehTarik(99_000), settings("Repeated", 0)));
        push(new StoreConfig(4, tehTarik(77_000), settings("Stale", 0)));
        pushSignedWith("another-secret-0123456789", new StoreConfig(9, tehTarik(66_000), settings("Forged", 0)));
        push(new StoreConfig(6, tehTarik(20_000), null));

        awaitUntil(() -> relay(box.api()).number("configVersion") == 6);
        assertThat(count("config.applied")).as("the retained 5 again, a repeated 5, a stale 4 and a forged 9 applied nothing")
                .isEqualTo(2);
        assertThat(ringOne("teh-tarik").number("grandTotal")).isEqualTo(20_000);
        assertThat(box.api().get("/api/v1/catalog").body().path("settings").path("storeName").asText())
                .as("a config without settings leaves them").isEqualTo("Kopi Kemang");
    }

    @Test
    void aConfigTheCatalogRefusesChangesNothingAndTheRelaySaysWhy() throws Exception {
        long head = box.headSeq();
        JsonNode badProduct = JSON.valueToTree(Map.of("products", List.of(Map.of("id", "teh-tarik", "name", "Teh Tarik", "price", -1))));

        push(new StoreConfig(3, badProduct, settings("Never", 0)));

        awaitUntil(() -> !relay(box.api()).body().path("configRefused").isNull());
        assertThat(relay(box.api()).field("configRefused")).startsWith("config version 3 refused: ").contains("catalog.products[0].price");
        assertThat(relay(box.api()).number("configVersion")).isZero();
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(box.api().get("/api/v1/catalog").body().path("settings").path("storeName").asText()).isEqualTo("Backroom Demo Coffee");
    }

    @Test
    void aRevokeDeviceCommandIsDoneOnceAlsoWhenDeliveredAgainAfterARestart() throws Exception {
        String tablet = box.pairDevice("terminal");
        JsonNode devices = box.api().get("/api/v1/devices").body().path("items");
        String deviceId = devices.get(devices.size() - 1).path("deviceId").asText();
        assertThat(box.api().as(tablet).get("/api/v1/catalog").status()).isEqualTo(200);

        send(StoreCommand.revokeDevice("revoke-1", deviceId));

        awaitUntil(() -> count("command.done") == 1);
        // The keyring lets go of the token once the command's write has returned: a moment after its entry is on disk.
        awaitUntil(() -> box.api().as(tablet).get("/api/v1/catalog").status() == 401);
        assertThat(count("device.revoked")).isEqualTo(1);
        assertThat(entryWith("command.done").path("revoked").asBoolean()).isTrue();

        box.stop();
        box = TestBox.restart(box);
        send(StoreCommand.revokeDevice("revoke-2", "no-such-device"));
        awaitUntil(() -> count("command.done") == 2);
        assertThat(count("device.revoked")).as("the retained revoke-1 was not done again").isEqualTo(1);
        assertThat(box.api().as(tablet).get("/api/v1/catalog").status()).isEqualTo(401);
    }

    @Test
    void aResendCommandSendsTheLedgerAgainAndHqHoldsEachSeqOnce() throws Exception {
        hq.startSink();
        ring(box.api(), 30);
        awaitUntil(() -> relay(box.api()).number("backlog") == 0);
        List<String> held = hq.entries();
        long landed = hq.batchesLanded();

        send(StoreCommand.resend("resend-1", 1));

        awaitUntil(() -> count("command.done") == 1);
        awaitUntil(() -> hq.batchesLanded() > landed && relay(box.api()).number("backlog") == 0);
        assertThat(hq.entries().subList(0, held.size())).isEqualTo(held);
        assertThat(hq.entries()).hasSize((int) box.headSeq());
        assertThat(entryWith("command.done").path("fromSeq").asLong()).isEqualTo(1);
    }

    @Test
    void aRotatedSecretSignsEverythingAfterItAlsoAfterARestartAndNeverLeavesTheStoreInTheClear() throws Exception {
        String newSecret = "rotated-secret-abcdefghijklmnop";
        HqSink oldOnly = hq.startSink();
        ring(box.api(), 10);
        awaitUntil(() -> relay(box.api()).number("backlog") == 0);

        send(StoreCommand.rotateSecret("rotate-1", newSecret, Hq.SECRET));
        awaitUntil(() -> count("command.done") == 1);
        ring(box.api(), 10);
        awaitUntil(() -> oldOnly.batchesRefused() > 0);
        assertThat(relay(box.api()).number("backlog")).as("a sink that knows only the old secret takes nothing").isPositive();
        oldOnly.close();

        hq.startSink(StoreSecrets.parse(List.of("kopi/s1 " + newSecret + " " + Hq.SECRET), "rotating"));
        awaitUntil(() -> relay(box.api()).number("backlog") == 0 && checked() == box.headSeq());

        box.stop();
        hq.close();
        hq.startSink(StoreSecrets.parse(List.of("kopi/s1 " + newSecret), "rotated"));
        box = TestBox.restart(box);
        ring(box.api(), 5);
        awaitUntil(() -> relay(box.api()).number("backlog") == 0 && checked() == box.headSeq());
        assertThat(hq.entries()).hasSize((int) box.headSeq());
        assertThat(hq.strings("SELECT payload FROM ledger_entries")).noneMatch(payload -> payload.contains(newSecret));
        try (Handle handle = box.box().database().jdbi().open()) {
            assertThat(handle.createQuery("SELECT payload FROM ledger").mapTo(String.class).list()).noneMatch(payload -> payload.contains(newSecret));
        }
    }

    private long checked() {
        try {
            return hq.checkedSeq();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply ringOne(String productId) {
        Api api = box.api();
        String shift = api.openShift("r-" + System.nanoTime());
        String register = api.get("/api/v1/shifts/" + shift + "/report").field("registerId");
        Reply sale = api.ringSale(Sales.sale(register, shift, List.of(Sales.item(productId, null, 1, List.of())),
                List.of(Sales.payment("cash", 1_000_000))));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        return sale;
    }

    private static JsonNode tehTarik(long price) {
        return JSON.valueToTree(Map.of(
                "categories", List.of(Map.of("id", "tea", "name", "Tea")),
                "products", List.of(Map.of("id", "teh-tarik", "name", "Teh Tarik", "categoryId", "tea", "price", price))));
    }

    private static JsonNode settings(String storeName, int serviceChargeBp) {
        return JSON.valueToTree(Map.of("storeName", storeName, "serviceChargeBp", serviceChargeBp));
    }

    private void push(StoreConfig config) throws MqttException {
        pushSignedWith(Hq.SECRET, config);
    }

    private void pushSignedWith(String secret, StoreConfig config) throws MqttException {
        try (StoreDownlink downlink = StoreDownlink.connect(BrokerSettings.plain(broker.url()), Hq.STORE, new Signature(secret))) {
            downlink.pushConfig(config);
        }
    }

    private void send(StoreCommand command) throws MqttException {
        try (StoreDownlink downlink = StoreDownlink.connect(BrokerSettings.plain(broker.url()), Hq.STORE, new Signature(Hq.SECRET))) {
            downlink.send(command);
        }
    }

    private List<String> typesWritten() {
        try (Handle handle = box.box().database().jdbi().open()) {
            return handle.createQuery("SELECT type FROM ledger ORDER BY seq").mapTo(String.class).list();
        }
    }

    private long count(String type) {
        return typesWritten().stream().filter(type::equals).count();
    }

    private JsonNode entryWith(String type) throws Exception {
        try (Handle handle = box.box().database().jdbi().open()) {
            return JSON.readTree(handle.createQuery("SELECT payload FROM ledger WHERE type = :type ORDER BY seq DESC LIMIT 1")
                    .bind("type", type).mapTo(String.class).one());
        }
    }
}
