package backroom.relay.hq;

import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.mqtt.Brokers;
import backroom.relay.wire.BadMessageException;
import backroom.relay.wire.BatchCodec;
import backroom.relay.wire.LedgerPage;
import backroom.relay.wire.LedgerRequest;
import backroom.relay.wire.RelayAck;
import backroom.relay.wire.RelayBatch;
import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreId;
import backroom.relay.wire.Topics;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * One HQ sink: joins the shared subscription on every store's events, refuses (and logs) a batch
 * with a bad signature or from a store it does not know, lands the rest in {@link HqLedger}, and
 * answers each with the store's retained ack. Batches are landed one at a time on Paho's callback
 * thread, so the broker's flow control holds back a sink whose database is slow. Run as many sinks
 * as needed: the broker hands each batch to one of them. A sink also answers a box rebuilding its
 * ledger with the pages it asks for ({@link LedgerRequest}), on a second shared subscription, so
 * that one sink answers each request.
 */
public final class HqSink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HqSink.class.getName());
    private static final int INFLIGHT = 1_000;
    private static final long RECONNECT_MILLIS = 1_000;
    /** Requests for its ledger a store may have answered a second: a rebuild asks a few a second. */
    static final int REQUESTS_PER_SECOND = 20;

    private final BrokerSettings broker;
    private final StoreSecrets stores;
    private final HqLedger ledger;
    private final Clock clock;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hq-sink-reconnect").daemon(true).factory());
    private final AtomicLong landed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong pagesSent = new AtomicLong();
    private final AtomicLong requestsRefused = new AtomicLong();
    private final RequestRate requestRate = new RequestRate(REQUESTS_PER_SECOND);
    private volatile boolean closed;

    private HqSink(BrokerSettings broker, StoreSecrets stores, HqLedger ledger, Clock clock) {
        this.broker = broker;
        this.stores = stores;
        this.ledger = ledger;
        this.clock = clock;
        this.client = Brokers.client(broker, "hq-sink-" + UUID.randomUUID());
        client.setCallback(new Callback());
    }

    /** Connects and subscribes; if the broker is not there yet, keeps trying every second in the background. */
    public static HqSink start(BrokerSettings broker, StoreSecrets stores, String jdbcUrl, Clock clock) throws SQLException {
        HqSink sink = new HqSink(broker, stores, HqLedger.open(jdbcUrl), clock);
        sink.connect();
        return sink;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Entries' batches landed and batches refused since start. */
    public long batchesLanded() {
        return landed.get();
    }

    public long batchesRefused() {
        return refused.get();
    }

    /** Pages of a store's ledger sent back to a box rebuilding it, since start. */
    public long ledgerPagesSent() {
        return pagesSent.get();
    }

    /** Requests for a store's ledger refused (unknown store, bad signature) since start. */
    public long ledgerRequestsRefused() {
        return requestsRefused.get();
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            client.connect(Brokers.options(broker, INFLIGHT)).waitForCompletion();
            client.subscribe(new String[] {Topics.SHARED_EVENTS, Topics.SHARED_LEDGER_REQUESTS}, new int[] {1, 1}).waitForCompletion();
            LOG.info("hq sink subscribed at " + broker);
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "hq sink cannot reach " + broker + " (" + e.getMessage() + "); trying again", e);
            dropHalfMadeConnection();
            reconnectLater();
        }
    }

    /** A connection made but not subscribed is dropped, so that the next try connects and subscribes again. */
    private void dropHalfMadeConnection() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000);
            }
        } catch (MqttException e) {
            LOG.log(Level.FINE, "dropping the hq sink's half-made connection", e);
        }
    }

    private void reconnectLater() {
        if (!closed) {
            reconnects.schedule(this::connect, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void received(String topic, byte[] message) {
        Optional<StoreId> asking = Topics.storeOfLedgerRequest(topic);
        if (asking.isPresent()) {
            answer(asking.get(), message);
            return;
        }
        Optional<StoreId> store = Topics.storeOfEvents(topic);
        List<Signature> accepted = store.map(stores::accepted).orElse(List.of());
        if (accepted.isEmpty()) {
            refused.incrementAndGet();
            LOG.warning("refused a batch on " + topic + ": not a store this sink knows");
            return;
        }
        RelayBatch batch = null;
        Signature signedWith = null;
        String refusal = null;
        for (Signature signature : accepted) {
            try {
                batch = BatchCodec.decode(message, signature);
                signedWith = signature;
                break;
            } catch (BadMessageException e) {
                refusal = refusal == null ? e.getMessage() : refusal;
            }
        }
        if (batch == null || !batch.franchise().equals(store.get().franchise()) || !batch.store().equals(store.get().store())) {
            refused.incrementAndGet();
            LOG.warning("refused a batch on " + topic + ": " + (batch == null ? refusal
                    : "the batch names " + batch.franchise() + "/" + batch.store() + " on " + topic));
            return;
        }
        try {
            RelayAck ack = ledger.land(store.get(), batch, clock.instant());
            landed.incrementAndGet();
            // Answered in the secret that signed the batch: a box between two secrets reads its ack.
            client.publish(Topics.ack(store.get()), ack.encode(signedWith), 1, true);
        } catch (SQLException | MqttException | RuntimeException e) {
            // Unacked, the box sends the batch again after its ack time-out.
            LOG.log(Level.WARNING, "could not land " + batch.fromSeq() + ".." + batch.toSeq() + " of " + store.get(), e);
        }
    }

    /**
     * Answers a box rebuilding its ledger with the page it asked for, signed with the store's
     * current secret, which alone may ask (a secret rotated out cannot fetch the ledger). A request
     * HQ cannot open, or one over the store's rate, is refused and logged, never answered.
     */
    private void answer(StoreId store, byte[] message) {
        Optional<Signature> current = stores.of(store);
        LedgerRequest request;
        try {
            request = LedgerRequest.decode(message, current.orElseThrow(() -> new BadMessageException("not a store this sink knows")));
        } catch (BadMessageException e) {
            requestsRefused.incrementAndGet();
            LOG.warning("refused a request for " + store + "'s ledger: " + e.getMessage() + " (only the store's current secret may ask)");
            return;
        }
        if (!requestRate.admit(store, clock.millis())) {
            requestsRefused.incrementAndGet();
            LOG.warning("refused a request for " + store + "'s ledger after entry " + request.afterSeq() + ": more than "
                    + REQUESTS_PER_SECOND + " this second");
            return;
        }
        try {
            LedgerPage page = ledger.page(store, request.requestId(), request.afterSeq(), request.maxEntries());
            client.publish(Topics.ledgerPages(store), page.encode(current.get()), 1, false);
            pagesSent.incrementAndGet();
            LOG.info("sent " + store + " " + page.entries().size() + " entries of its ledger after entry " + request.afterSeq()
                    + " (HQ holds " + page.heldSeq() + ")");
        } catch (SQLException | MqttException | RuntimeException e) {
            // The box asks again after its time-out.
            LOG.log(Level.WARNING, "could not answer " + store + "'s request for its ledger after " + request.afterSeq(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        reconnects.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.FINE, "closing the hq sink's client", e);
        }
        try {
            ledger.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing the hq sink's database", e);
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // subscribed in connect()
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warning("hq sink lost " + broker + ": " + cause);
            reconnectLater();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // acks are fire-and-forget: a lost one is replaced by the next
        }
    }
}
