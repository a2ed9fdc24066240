package backroom.relay.hq;

import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.mqtt.Brokers;
import backroom.relay.wire.BadMessageException;
import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreCommand;
import backroom.relay.wire.StoreCommands;
import backroom.relay.wire.StoreConfig;
import backroom.relay.wire.StoreId;
import backroom.relay.wire.Topics;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * HQ's word down to one store: its config and its commands, each signed with the store's secret and
 * retained, so a box offline now reads them when it connects. For {@code backroom hq push-config}
 * and {@code backroom hq cmd}.
 */
public final class StoreDownlink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StoreDownlink.class.getName());
    private static final long WAIT_MILLIS = 15_000;
    /** How long to wait for the broker to hand over the retained commands; none come for a store that has none. */
    private static final long RETAINED_WAIT_MILLIS = 2_000;

    private final StoreId store;
    private final Signature signature;
    private final MqttAsyncClient client;

    private StoreDownlink(StoreId store, Signature signature, MqttAsyncClient client) {
        this.store = store;
        this.signature = signature;
        this.client = client;
    }

    public static StoreDownlink connect(BrokerSettings broker, StoreId store, Signature signature) throws MqttException {
        MqttAsyncClient client = Brokers.client(broker, "hq-downlink-" + UUID.randomUUID());
        client.connect(Brokers.options(broker, 10)).waitForCompletion(WAIT_MILLIS);
        return new StoreDownlink(store, signature, client);
    }

    /** Publishes {@code config}, retained: the box applies it if its version is above the one it has. */
    public void pushConfig(StoreConfig config) throws MqttException {
        client.publish(Topics.config(store), config.encode(signature), 1, true).waitForCompletion(WAIT_MILLIS);
    }

    /** Adds {@code command} to the store's retained commands; returns the list as published. */
    public StoreCommands send(StoreCommand command) throws MqttException {
        StoreCommands published = retainedCommands().with(command);
        client.publish(Topics.commands(store), published.encode(signature), 1, true).waitForCompletion(WAIT_MILLIS);
        return published;
    }

    /**
     * Clears the store's retained ack at the broker: after HQ lost entries, an ack retained from
     * before would tell a box that reconnects mid-resend that HQ still holds them. The sinks
     * retain a true one again with the next batch they land.
     */
    public void clearRetainedAck() throws MqttException {
        client.publish(Topics.ack(store), new byte[0], 1, true).waitForCompletion(WAIT_MILLIS);
    }

    /** The commands retained for the store now; none if the broker holds none, or none this secret signed. */
    StoreCommands retainedCommands() throws MqttException {
        CompletableFuture<byte[]> retained = new CompletableFuture<>();
        client.subscribe(Topics.commands(store), 1, (topic, message) -> retained.complete(message.getPayload()))
                .waitForCompletion(WAIT_MILLIS);
        try {
            return StoreCommands.decode(retained.get(RETAINED_WAIT_MILLIS, TimeUnit.MILLISECONDS), signature);
        } catch (TimeoutException e) {
            return StoreCommands.NONE;
        } catch (BadMessageException e) {
            LOG.warning("the commands retained for " + store + " are not signed with its secret; starting a new list: " + e.getMessage());
            return StoreCommands.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the retained commands", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            client.unsubscribe(Topics.commands(store));
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().waitForCompletion(2_000);
            client.close(true);
        } catch (MqttException e) {
            LOG.fine("closing the downlink's client: " + e.getMessage());
        }
    }
}
