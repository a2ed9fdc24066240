package backroom.relay.uplink;

import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.wire.StoreId;
import java.time.Duration;

/**
 * How one box's uplink runs. {@code batchEntries} and {@code linger}: a batch goes when it is full
 * or when its first entry has waited that long. {@code window}: batches sent and not yet acked by HQ.
 * {@code ackTimeout}: with batches out and no ack for that long, the uplink sends again from HQ's
 * last ack. {@code backoffCap}: reconnects wait 0.5 s, doubling up to this, each with jitter.
 */
public record UplinkSettings(BrokerSettings broker, StoreId store, String storeSecret, int batchEntries, Duration linger,
                             int window, Duration ackTimeout, Duration backoffCap) {

    public static final int BATCH_ENTRIES = 1_000;
    public static final Duration LINGER = Duration.ofMillis(200);
    public static final int WINDOW = 8;
    public static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration BACKOFF_CAP = Duration.ofSeconds(30);

    public UplinkSettings {
        if (batchEntries < 1 || window < 1) {
            throw new IllegalArgumentException("a batch holds at least one entry and the window at least one batch");
        }
    }

    public UplinkSettings(BrokerSettings broker, StoreId store, String storeSecret) {
        this(broker, store, storeSecret, BATCH_ENTRIES, LINGER, WINDOW, ACK_TIMEOUT, BACKOFF_CAP);
    }

    /** Without the store's secret, for logs. */
    @Override
    public String toString() {
        return "UplinkSettings[broker=" + broker + ", store=" + store + ", batchEntries=" + batchEntries + ", linger=" + linger
                + ", window=" + window + ", ackTimeout=" + ackTimeout + ", backoffCap=" + backoffCap + "]";
    }

    /** The same settings with the store's secret as HQ last rotated it. */
    public UplinkSettings withSecret(String secret) {
        return new UplinkSettings(broker, store, secret, batchEntries, linger, window, ackTimeout, backoffCap);
    }

    public UplinkSettings withTimings(Duration ackTimeout, Duration backoffCap) {
        return new UplinkSettings(broker, store, storeSecret, batchEntries, linger, window, ackTimeout, backoffCap);
    }
}
