package backroom.edge.relay;

import backroom.edge.ledger.LedgerEntry;
import backroom.relay.hq.HqSink;
import backroom.relay.hq.StoreSecrets;
import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.mqtt.Brokers;
import backroom.relay.wire.Topics;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import backroom.relay.uplink.UplinkSettings;
import backroom.relay.wire.StoreId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** HQ for a relay test: the store's settings, sinks on one H2 (or PostgreSQL) database, and reads of what HQ holds. */
final class Hq {

    static final StoreId STORE = new StoreId("kopi", "s1");
    static final String SECRET = "s1-secret-0123456789";
    static final StoreSecrets STORES = StoreSecrets.parse(List.of("kopi/s1 " + SECRET, "kopi/s2 s2-secret-0123456789"), "test");

    private final String jdbcUrl;
    private final BrokerSettings broker;
    private final List<HqSink> sinks = new ArrayList<>();

    Hq(String jdbcUrl, BrokerSettings broker) {
        this.jdbcUrl = jdbcUrl;
        this.broker = broker;
    }

    Hq(String jdbcUrl, String brokerUrl) {
        this(jdbcUrl, BrokerSettings.plain(brokerUrl));
    }

    static Hq onH2(Path dir, String brokerUrl) {
        return new Hq("jdbc:h2:" + dir.resolve("hq").toAbsolutePath(), brokerUrl);
    }

    /** The box's relay settings for this HQ's broker, quick to notice a lost ack or a broker back. */
    UplinkSettings uplink() {
        return new UplinkSettings(broker, STORE, SECRET)
                .withTimings(Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    HqSink startSink() throws SQLException {
        return startSink(STORES);
    }

    /** A sink that knows the stores in {@code secrets}. */
    HqSink startSink(StoreSecrets secrets) throws SQLException {
        HqSink sink = HqSink.start(broker, secrets, jdbcUrl, Clock.systemUTC());
        sinks.add(sink);
        return sink;
    }

    long batchesLanded() {
        return sinks.stream().mapToLong(HqSink::batchesLanded).sum();
    }

    /** Clears the store's retained ack at the broker, as a broker that lost its retained messages would. */
    void forgetRetainedAck() throws MqttException {
        MqttAsyncClient client = Brokers.client(broker, "forget-" + System.nanoTime());
        client.connect(Brokers.options(broker, 10)).waitForCompletion();
        client.publish(Topics.ack(STORE), new byte[0], 1, true).waitForCompletion();
        client.disconnect().waitForCompletion();
        client.close();
    }

    /** seq and hash of every entry HQ holds of the store, in seq order. */
    List<String> entries() throws SQLException {
        return strings("SELECT seq || ' ' || hash FROM ledger_entries WHERE franchise = 'kopi' AND store = 's1' ORDER BY seq");
    }

    /** Every entry HQ holds of the store, in seq order, as the box sealed it: what a box whose disk died is rebuilt from. */
    List<LedgerEntry> ledger() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT seq, type, occurred_at, payload, prev_hash, hash FROM ledger_entries
                     WHERE franchise = 'kopi' AND store = 's1' ORDER BY seq""")) {
            List<LedgerEntry> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(new LedgerEntry(rows.getLong("seq"), rows.getString("type"),
                        rows.getObject("occurred_at", OffsetDateTime.class).toInstant(), rows.getString("payload"),
                        rows.getString("prev_hash"), rows.getString("hash")));
            }
            return entries;
        }
    }

    long checkedSeq() throws SQLException {
        List<String> head = strings("SELECT checked_seq FROM store_heads WHERE franchise = 'kopi' AND store = 's1'");
        return head.isEmpty() ? 0 : Long.parseLong(head.getFirst());
    }

    List<String> strings(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    void close() {
        sinks.forEach(HqSink::close);
        sinks.clear();
    }
}
