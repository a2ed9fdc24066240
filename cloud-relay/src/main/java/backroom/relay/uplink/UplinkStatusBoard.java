package backroom.relay.uplink;

import backroom.relay.wire.StoreId;
import backroom.relay.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The uplink's figures for the box (read from any thread) and its retained {@code .../status}
 * message for HQ: online with head seq and backlog, published at most once a second when they
 * changed; offline from the last will or a clean stop.
 */
final class UplinkStatusBoard {

    private static final Logger LOG = Logger.getLogger(UplinkStatusBoard.class.getName());
    private static final long PUBLISH_EVERY_NANOS = 1_000_000_000L;

    private final StoreId store;
    private final MqttAsyncClient client;
    private volatile long ackedSeq;
    private volatile Instant lastAckAt;
    private volatile String lastError;
    private long publishedAtNanos;
    private String published = "";

    UplinkStatusBoard(StoreId store, MqttAsyncClient client) {
        this.store = store;
        this.client = client;
    }

    static byte[] offline() {
        return "{\"online\":false}".getBytes(StandardCharsets.UTF_8);
    }

    long ackedSeq() {
        return ackedSeq;
    }

    Instant lastAckAt() {
        return lastAckAt;
    }

    String lastError() {
        return lastError;
    }

    void acked(long seq, Instant at) {
        ackedSeq = seq;
        if (at != null) {
            lastAckAt = at;
        }
    }

    void failed(String error) {
        lastError = error;
    }

    void connected() {
        published = "";
        publishedAtNanos = 0;
    }

    void publishIfDue(long headSeq, boolean sending) {
        String status = "{\"online\":true,\"sending\":" + sending + ",\"headSeq\":" + headSeq + ",\"ackedSeq\":" + ackedSeq
                + ",\"backlog\":" + Math.max(0, headSeq - ackedSeq) + "}";
        long now = System.nanoTime();
        if (status.equals(published) || publishedAtNanos != 0 && now - publishedAtNanos < PUBLISH_EVERY_NANOS) {
            return;
        }
        publish(status.getBytes(StandardCharsets.UTF_8));
        published = status;
        publishedAtNanos = now;
    }

    void publishOffline() {
        publish(offline());
    }

    private void publish(byte[] status) {
        try {
            client.publish(Topics.status(store), status, 1, true);
        } catch (MqttException e) {
            LOG.log(Level.FINE, "the status waits for the next chance", e);
        }
    }
}
