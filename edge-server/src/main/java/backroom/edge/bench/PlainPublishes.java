package backroom.edge.bench;

import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.web.Json;
import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.mqtt.Brokers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The baseline a relay is measured against: each ledger entry its own JSON message, QoS 1, ten
 * in flight at most, done when the broker has acked every one (what a store-and-forward that trusts
 * PUBACK, like Kura's, does at best). Nobody subscribes: only the box-to-broker leg is timed.
 */
final class PlainPublishes {

    private static final int WINDOW = 10;

    private PlainPublishes() {
    }

    /** Entries per second over the whole ledger in {@code dataDir}. */
    static double entriesPerSecond(Path dataDir, String brokerUrl) throws Exception {
        return entriesPerSecond(dataDir, brokerUrl, Long.MAX_VALUE);
    }

    /** Entries per second over the first {@code limit} entries of the ledger in {@code dataDir}. */
    static double entriesPerSecond(Path dataDir, String brokerUrl, long limit) throws Exception {
        BrokerSettings broker = BrokerSettings.plain(brokerUrl);
        MqttAsyncClient client = Brokers.client(broker, "bench-baseline");
        client.connect(Brokers.options(broker, WINDOW)).waitForCompletion();
        Semaphore window = new Semaphore(WINDOW);
        IMqttActionListener release = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                window.release();
            }
        };
        long start = System.nanoTime();
        long sent;
        try (Handle ledger = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            sent = ledger.createQuery("SELECT seq, type, occurred_at, payload, prev_hash, hash FROM ledger WHERE seq <= :limit ORDER BY seq")
                    .bind("limit", limit)
                    .setFetchSize(1_000)
                    .map((rs, ctx) -> Json.write(Map.of("seq", rs.getLong(1), "type", rs.getString(2), "occurredAt", rs.getString(3),
                            "payload", rs.getString(4), "prevHash", rs.getString(5), "hash", rs.getString(6))))
                    .stream()
                    .peek(message -> publish(client, window, release, message))
                    .count();
        }
        window.acquire(WINDOW);
        double perSecond = sent / ((System.nanoTime() - start) / 1e9);
        client.disconnect().waitForCompletion();
        client.close();
        return perSecond;
    }

    private static void publish(MqttAsyncClient client, Semaphore window, IMqttActionListener release, String message) {
        try {
            window.acquire();
            client.publish("bench/baseline/events", message.getBytes(StandardCharsets.UTF_8), 1, false, null, release);
        } catch (Exception e) {
            throw new IllegalStateException("the baseline publish failed", e);
        }
    }
}
