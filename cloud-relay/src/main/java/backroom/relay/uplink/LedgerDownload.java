package backroom.relay.uplink;

import backroom.relay.mqtt.Brokers;
import backroom.relay.wire.BadMessageException;
import backroom.relay.wire.LedgerPage;
import backroom.relay.wire.LedgerRequest;
import backroom.relay.wire.Signature;
import backroom.relay.wire.Topics;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The box's end of a rebuild from HQ: asks HQ for the store's ledger a page at a time
 * ({@link LedgerRequest} on {@code .../ledger/get}) and takes HQ's answers ({@link LedgerPage} on
 * {@code .../ledger/page}). Each request carries a fresh id: a page that does not carry the id
 * asked for (an answer to an earlier request, or one replayed by someone on the broker) or that
 * is not signed with the store's secret is dropped. A request with no answer within the time-out
 * is asked again, over a new connection if the old one was lost, up to {@code attempts} times.
 */
public final class LedgerDownload implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LedgerDownload.class.getName());

    private final UplinkSettings settings;
    private final Signature signature;
    private final Duration answerTimeout;
    private final int attempts;
    private final MqttAsyncClient client;
    private final BlockingQueue<LedgerPage> answers = new LinkedBlockingQueue<>();
    private volatile String awaited;
    private boolean subscribed;

    private LedgerDownload(UplinkSettings settings, Duration answerTimeout, int attempts) {
        this.settings = settings;
        this.signature = new Signature(settings.storeSecret());
        this.answerTimeout = answerTimeout;
        this.attempts = attempts;
        this.client = Brokers.client(settings.broker(), "rebuild-" + settings.store().store() + "-" + UUID.randomUUID());
    }

    /** A download for the store {@code settings} names; it connects when it first asks. */
    public static LedgerDownload of(UplinkSettings settings, Duration answerTimeout, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("a download asks at least once");
        }
        return new LedgerDownload(settings, answerTimeout, attempts);
    }

    /**
     * HQ's page of the store's entries after {@code afterSeq}, at most {@code maxEntries}.
     *
     * @throws HqSilentException when no request of {@code attempts} got an answer
     */
    public LedgerPage pageAfter(long afterSeq, int maxEntries) throws InterruptedException {
        String lastProblem = "no answer";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String requestId = UUID.randomUUID().toString();
            awaited = requestId;
            answers.clear();
            try {
                connectIfNeeded();
                client.publish(Topics.ledgerRequests(settings.store()),
                        new LedgerRequest(requestId, afterSeq, maxEntries).encode(signature), 1, false);
                LedgerPage page = answers.poll(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (page != null) {
                    return page;
                }
                lastProblem = "no answer in " + answerTimeout.toMillis() + " ms";
            } catch (MqttException e) {
                lastProblem = "the broker at " + settings.broker() + ": " + e.getMessage();
                TimeUnit.MILLISECONDS.sleep(Math.min(answerTimeout.toMillis(), 1_000));
            }
            LOG.warning("asking HQ for " + settings.store() + "'s ledger after entry " + afterSeq + ", attempt " + attempt + " of "
                    + attempts + ": " + lastProblem);
        }
        throw new HqSilentException("HQ did not answer " + attempts + " requests for " + settings.store() + "'s ledger after entry "
                + afterSeq + " (" + lastProblem + "): is an hq sink running on that broker, and does its stores file list "
                + settings.store() + " with this box's store secret?");
    }

    /** Connects and subscribes to the pages; a connection whose subscription failed is dropped and made again. */
    private void connectIfNeeded() throws MqttException {
        if (client.isConnected() && subscribed) {
            return;
        }
        subscribed = false;
        if (client.isConnected()) {
            client.disconnectForcibly(0, 1_000);
        }
        client.connect(Brokers.options(settings.broker(), 10)).waitForCompletion(answerTimeout.toMillis());
        client.subscribe(Topics.ledgerPages(settings.store()), 1, (topic, message) -> take(message))
                .waitForCompletion(answerTimeout.toMillis());
        subscribed = true;
    }

    private void take(MqttMessage message) {
        try {
            LedgerPage page = LedgerPage.decode(message.getPayload(), signature);
            if (page.requestId().equals(awaited)) {
                answers.add(page);
            }
        } catch (BadMessageException e) {
            LOG.warning("dropped a ledger page for " + settings.store() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.FINE, "closing the download's client", e);
        }
    }

    /** HQ did not answer: no sink on the broker, or none that knows the store and its secret. */
    public static final class HqSilentException extends RuntimeException {

        HqSilentException(String message) {
            super(message);
        }
    }
}
