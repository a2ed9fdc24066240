package backroom.relay.hq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.mqtt.Brokers;
import backroom.relay.testing.Mosquitto;
import backroom.relay.uplink.LedgerDownload;
import backroom.relay.uplink.UplinkSettings;
import backroom.relay.wire.BatchCodec;
import backroom.relay.wire.LedgerPage;
import backroom.relay.wire.RelayAck;
import backroom.relay.wire.RelayBatch;
import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreId;
import backroom.relay.wire.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sink behind a real Mosquitto: what a store signed lands once, whatever the order; nothing else lands at all. */
class HqSinkTest {

    private static final StoreId S1 = new StoreId("kopi", "s1");
    private static final StoreId S2 = new StoreId("kopi", "s2");
    private static final String S1_SECRET = "s1-secret-0123456789";
    private static final String S2_SECRET = "s2-secret-0123456789";

    @TempDir
    Path dir;
    private Mosquitto broker;
    private HqSink sink;
    private MqttAsyncClient store;
    private String db;
    private final BlockingQueue<RelayAck> acks = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(dir);
        db = "jdbc:h2:" + dir.resolve("hq").toAbsolutePath();
        sink = HqSink.start(BrokerSettings.plain(broker.url()),
                StoreSecrets.parse(List.of("kopi/s1 " + S1_SECRET, "kopi/s2 " + S2_SECRET), "test"), db, Clock.systemUTC());
        store = Brokers.client(BrokerSettings.plain(broker.url()), "test-store");
        store.connect(Brokers.options(BrokerSettings.plain(broker.url()), 100)).waitForCompletion();
        store.subscribe(Topics.ack(S1), 1, (topic, message) -> acks.add(RelayAck.decode(message.getPayload(), new Signature(S1_SECRET))))
                .waitForCompletion();
        awaitUntil(sink::isConnected);
    }

    @AfterEach
    void stop() throws Exception {
        store.disconnectForcibly(0, 1_000);
        store.close();
        sink.close();
        broker.close();
    }

    @Test
    void aDuplicatedAndAReorderedBatchChangeNothing() throws Exception {
        Chain chain = new Chain(30, "a");
        send(S1, chain.batch(1, 10), S1_SECRET);
        assertThat(nextAck().ackedSeq()).isEqualTo(10);
        send(S1, chain.batch(1, 10), S1_SECRET);
        assertThat(nextAck()).isEqualTo(new RelayAck(10, chain.entry(10).hash(), null));
        send(S1, chain.batch(21, 30), S1_SECRET);
        assertThat(nextAck().ackedSeq()).as("after a gap, the last contiguous seq").isEqualTo(10);
        send(S1, chain.batch(11, 20), S1_SECRET);
        assertThat(nextAck()).isEqualTo(new RelayAck(30, chain.entry(30).hash(), null));
        assertThat(rows("SELECT seq FROM ledger_entries ORDER BY seq"))
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(Integer::toString).toList());
        assertThat(sink.batchesLanded()).isEqualTo(4);
    }

    @Test
    void forgedBatchesAreRefusedAndNeverStored() throws Exception {
        Chain chain = new Chain(10, "a");
        send(S1, chain.batch(1, 5), S1_SECRET);
        assertThat(nextAck().ackedSeq()).isEqualTo(5);

        send(S1, chain.batch(6, 10), "not-the-secret-of-s1");
        RelayBatch asS2 = new RelayBatch("kopi", "s2", 1, 10, chain.batch(1, 10).entries());
        send(S2, asS2, S1_SECRET);
        send(S2, chain.batch(6, 10), S2_SECRET);
        send(new StoreId("kopi", "s3"), chain.batch(6, 10), S1_SECRET);
        store.publish("backroom/v1/kopi/s1/other", new byte[] {1, 2, 3}, 1, false);
        store.publish(Topics.events(S1), new byte[] {1, 2, 3}, 1, false);
        awaitUntil(() -> sink.batchesRefused() == 5);

        assertThat(rows("SELECT store || ' ' || seq FROM ledger_entries ORDER BY seq"))
                .containsExactly("s1 1", "s1 2", "s1 3", "s1 4", "s1 5");
        assertThat(rows("SELECT store || ' ' || checked_seq FROM store_heads")).containsExactly("s1 5");
        assertThat(acks.poll(200, TimeUnit.MILLISECONDS)).as("no ack for a refused batch").isNull();
    }

    @Test
    void aBoxRebuildingItsLedgerGetsBackOnlyWhatHqHoldsChainChecked() throws Exception {
        Chain chain = new Chain(30, "a");
        send(S1, chain.batch(1, 10), S1_SECRET);
        send(S1, chain.batch(21, 30), S1_SECRET);
        assertThat(nextAck().ackedSeq()).isEqualTo(10);
        assertThat(nextAck().ackedSeq()).as("21..30 are held beyond a gap, not checked").isEqualTo(10);
        UplinkSettings asS1 = new UplinkSettings(BrokerSettings.plain(broker.url()), S1, S1_SECRET);
        try (LedgerDownload download = LedgerDownload.of(asS1, Duration.ofSeconds(10), 2)) {
            LedgerPage first = download.pageAfter(0, 4);
            assertThat(first.entries()).isEqualTo(chain.batch(1, 4).entries());
            assertThat(first.heldSeq()).isEqualTo(10);
            assertThat(first.heldHash()).isEqualTo(chain.entry(10).hash());
            assertThat(download.pageAfter(4, 1_000).entries()).as("never past the checked point")
                    .isEqualTo(chain.batch(5, 10).entries());
            assertThat(download.pageAfter(10, 1_000).entries()).as("nothing after it").isEmpty();
        }
        assertThat(sink.ledgerPagesSent()).isEqualTo(3);
    }

    @Test
    void aRequestNotSignedWithTheStoresSecretIsNeverAnswered() throws Exception {
        Chain chain = new Chain(5, "a");
        send(S1, chain.batch(1, 5), S1_SECRET);
        assertThat(nextAck().ackedSeq()).isEqualTo(5);
        UplinkSettings withS2Secret = new UplinkSettings(BrokerSettings.plain(broker.url()), S1, S2_SECRET);
        try (LedgerDownload download = LedgerDownload.of(withS2Secret, Duration.ofMillis(500), 2)) {
            assertThatThrownBy(() -> download.pageAfter(0, 10)).isInstanceOf(LedgerDownload.HqSilentException.class)
                    .hasMessageContaining("HQ did not answer 2 requests for kopi/s1's ledger after entry 0");
        }
        UplinkSettings unknown = new UplinkSettings(BrokerSettings.plain(broker.url()), new StoreId("kopi", "s3"), S1_SECRET);
        try (LedgerDownload download = LedgerDownload.of(unknown, Duration.ofMillis(500), 1)) {
            assertThatThrownBy(() -> download.pageAfter(0, 10)).isInstanceOf(LedgerDownload.HqSilentException.class);
        }
        assertThat(sink.ledgerRequestsRefused()).isEqualTo(3);
        assertThat(sink.ledgerPagesSent()).isZero();
    }

    private void send(StoreId to, RelayBatch batch, String secret) throws Exception {
        store.publish(Topics.events(to), BatchCodec.encode(batch, new Signature(secret)), 1, false).waitForCompletion();
    }

    private RelayAck nextAck() throws InterruptedException {
        RelayAck ack = acks.poll(30, TimeUnit.SECONDS);
        assertThat(ack).as("an ack within 30 s").isNotNull();
        return ack;
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void awaitUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
