package backroom.relay.uplink;

import backroom.relay.mqtt.Brokers;
import backroom.relay.wire.BadMessageException;
import backroom.relay.wire.BatchCodec;
import backroom.relay.wire.RelayAck;
import backroom.relay.wire.RelayBatch;
import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreCommands;
import backroom.relay.wire.StoreConfig;
import backroom.relay.wire.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * Sends the box's ledger to HQ: one thread reads entries after what it has sent, sends them as
 * signed, gzip'd batches, and keeps up to {@code window} batches out that HQ has not acked. Only
 * HQ's ack (on {@code .../ack}) moves the acked point, durably; the broker's PUBACK moves nothing.
 * With batches out and no ack for {@code ackTimeout}, and after every reconnect, it sends again from
 * the acked point: HQ stores each seq once, so a batch sent twice changes nothing there.
 *
 * <p>The same connection takes what HQ sends down (config and commands) and hands it, signature
 * checked, to a {@link Downlink}.
 *
 * <p>The thread only reads the ledger, never writes it except to record an ack, so a drain of any
 * backlog takes no time from the writer that sales wait on.
 */
public final class Uplink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Uplink.class.getName());
    private static final long IDLE_WAIT_MILLIS = 100;

    private final UplinkSettings settings;
    private final Outbox outbox;
    private final UplinkProgress progress;
    private final Clock clock;
    /** The store's secret: replaced when HQ rotates it ({@link #rotateSecret}). */
    private volatile Signature signature;
    private final MqttAsyncClient client;
    private final UplinkStatusBoard board;
    private final Downlink downlink;
    private final Semaphore wake = new Semaphore(0);
    private final ConcurrentLinkedQueue<RelayAck> acks = new ConcurrentLinkedQueue<>();
    private final Deque<Long> outstanding = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean connected;
    private long ackedSeq;
    private long sentUpTo;
    private long lastProgressNanos;
    private long waitingSinceNanos = -1;
    /** Why this box's ledger and HQ's copy seem to disagree, while the box sends its side once more before stopping. */
    private String suspicion;
    private int failedConnects;
    private final BatchSize batchSize;
    /** The thread's own view: the last step found the client connected. */
    private boolean wasConnected;
    private long ackedWhenConnected;
    /** A technician cleared the halt ({@link UplinkProgress#halted()} says so already); not yet taken by the uplink's thread. */
    private volatile boolean resumed;
    /** A resend HQ asked for, from this seq, not yet taken by the uplink's thread; 0 for none. */
    private volatile long resendFrom;

    private Uplink(UplinkSettings settings, Outbox outbox, UplinkProgress progress, Downlink downlink, Clock clock, String clientId) {
        this.settings = settings;
        this.downlink = downlink;
        this.outbox = outbox;
        this.progress = progress;
        this.clock = clock;
        this.signature = new Signature(settings.storeSecret());
        this.client = Brokers.client(settings.broker(), clientId);
        this.board = new UplinkStatusBoard(settings.store(), client);
        this.ackedSeq = progress.ackedSeq();
        this.sentUpTo = ackedSeq;
        this.batchSize = new BatchSize(settings.batchEntries());
        client.setCallback(new Callback());
        this.thread = Thread.ofPlatform().name("relay-uplink").daemon(true).unstarted(this::run);
    }

    /**
     * An uplink not started yet. {@code clientId} names this box at the broker; {@code downlink}
     * takes what HQ sends down.
     */
    public static Uplink create(UplinkSettings settings, Outbox outbox, UplinkProgress progress, Downlink downlink, Clock clock,
                                String clientId) {
        return new Uplink(settings, outbox, progress, downlink, clock, clientId);
    }

    /** Starts sending in the background; never waits for the broker. */
    public Uplink start() {
        thread.start();
        return this;
    }

    /** New entries are on disk: called from the ledger writer's thread, so it only wakes the uplink. */
    public void wake() {
        wake.release();
    }

    /**
     * Sends the ledger again from {@code seq}, once the box has lowered its acked point below it
     * ({@link UplinkProgress#ackedSeq()} must already say so, durably): HQ asked, having lost entries.
     */
    public void resendFrom(long seq) {
        resendFrom = seq;
        wake.release();
    }

    /**
     * Signs with {@code newSecret} from now on, once the box has kept it durably: HQ rotated the
     * store's secret. What goes out is sent again from HQ's acked point, signed anew; an ack HQ
     * signed with the old secret is ignored and its batch sent again.
     */
    public void rotateSecret(String newSecret) {
        signature = new Signature(newSecret);
        resendFrom(board.ackedSeq() + 1);
    }

    /**
     * Sends again after a halt, from HQ's acked point, once the box has cleared the halt in its
     * {@link UplinkProgress}. Should HQ still hold another history, the uplink halts again.
     */
    public void resume() {
        resumed = true;
        wake.release();
    }

    public UplinkStatus status() {
        return new UplinkStatus(connected, board.ackedSeq(), outbox.headSeq(), board.lastAckAt(), board.lastError(),
                progress.halted().orElse(null));
    }

    private void run() {
        board.acked(ackedSeq, null);
        while (!closed) {
            try {
                step();
            } catch (RuntimeException e) {
                // The ledger could not be read or the ack not recorded: try again shortly, never die.
                LOG.log(Level.WARNING, "the uplink failed a step; it tries again", e);
                board.failed(e.getMessage());
                pause(IDLE_WAIT_MILLIS * 10);
            }
        }
    }

    private void step() {
        if (!client.isConnected()) {
            connected = false;
            if (wasConnected) {
                wasConnected = false;
                shrinkBatchesIfNothingWasAcked();
            }
            connect();
            return;
        }
        takeAcks();
        takeResend();
        takeResume();
        if (progress.halted().isPresent()) {
            board.publishIfDue(outbox.headSeq(), false);
            pause(IDLE_WAIT_MILLIS * 10);
            return;
        }
        if (!outstanding.isEmpty() && System.nanoTime() - lastProgressNanos > settings.ackTimeout().toNanos()) {
            if (suspicion != null) {
                halt(suspicion);
                return;
            }
            LOG.info("no ack from HQ for " + settings.ackTimeout() + "; sending again from seq " + (ackedSeq + 1));
            shrinkBatchesIfNothingWasAcked();
            rewind();
        }
        haltIfAllAnswered(outbox.headSeq());
        board.publishIfDue(outbox.headSeq(), true);
        if (outstanding.size() < settings.window() && sendIfDue()) {
            return;
        }
        pause(IDLE_WAIT_MILLIS);
    }

    private void connect() {
        try {
            MqttConnectOptions options = Brokers.options(settings.broker(), settings.window() * 2 + 10);
            options.setWill(Topics.status(settings.store()), UplinkStatusBoard.offline(), 1, true);
            client.connect(options).waitForCompletion(15_000);
            client.subscribe(new String[] {Topics.ack(settings.store()), Topics.config(settings.store()),
                    Topics.commands(settings.store())}, new int[] {1, 1, 1}).waitForCompletion(15_000);
            connected = true;
            wasConnected = true;
            ackedWhenConnected = ackedSeq;
            failedConnects = 0;
            rewind();
            board.connected();
            LOG.info("uplink connected to " + settings.broker() + "; sending from seq " + (ackedSeq + 1));
        } catch (MqttException e) {
            board.failed("cannot reach " + settings.broker() + ": " + e.getMessage());
            closeQuietly();
            pause(Backoff.millis(failedConnects++, settings.backoffCap(), ThreadLocalRandom.current()));
        }
    }

    private void takeResume() {
        if (!resumed) {
            return;
        }
        resumed = false;
        suspicion = null;
        LOG.info("a technician resumed the relay: sending from seq " + (ackedSeq + 1));
        rewind();
    }

    private void takeResend() {
        long from = resendFrom;
        if (from == 0) {
            return;
        }
        resendFrom = 0;
        ackedSeq = Math.min(ackedSeq, from - 1);
        board.acked(ackedSeq, null);
        LOG.info("HQ asked for the ledger again: sending from seq " + (ackedSeq + 1));
        rewind();
    }

    private void takeAcks() {
        RelayAck ack;
        while ((ack = acks.poll()) != null) {
            take(ack);
        }
    }

    private void take(RelayAck ack) {
        if (progress.halted().isPresent()) {
            return;
        }
        if (ack.forked()) {
            halt("forked at seq " + ack.forkedAtSeq() + ": HQ holds another entry there; a technician must act");
            return;
        }
        long head = outbox.headSeq();
        if (suspicion != null) {
            // Each ack answers one batch: once HQ has answered all this box holds, and saw no fork, the suspicion stands.
            outstanding.pollFirst();
            haltIfAllAnswered(head);
            return;
        }
        if (ack.ackedSeq() > head) {
            suspect("behind HQ: HQ holds this store's ledger up to seq " + ack.ackedSeq() + ", this box's ends at " + head
                    + " (a restored or copied data folder?); a technician must act");
            return;
        }
        if (ack.ackedSeq() <= ackedSeq) {
            return;
        }
        Optional<String> ours = outbox.hashAt(ack.ackedSeq());
        if (!ours.equals(Optional.of(ack.ackedHash()))) {
            suspect("forked at or before seq " + ack.ackedSeq() + ": HQ's entry there has another hash; a technician must act");
            return;
        }
        progress.acked(ack.ackedSeq());
        ackedSeq = ack.ackedSeq();
        sentUpTo = Math.max(sentUpTo, ackedSeq);
        while (!outstanding.isEmpty() && outstanding.peekFirst() <= ackedSeq) {
            outstanding.pollFirst();
        }
        lastProgressNanos = System.nanoTime();
        ackedWhenConnected = ackedSeq;
        batchSize.acked();
        board.acked(ackedSeq, clock.instant());
    }

    /**
     * HQ's copy and this ledger disagree. Before stopping, the box sends what it holds past its acked
     * point once more, so that HQ sees any entry of its own it holds with another hash, keeps it
     * aside and flags the store; then it stops, with HQ's fork seq if HQ found one.
     */
    private void suspect(String reason) {
        LOG.warning("the uplink sends what it holds once more, then stops: " + reason);
        suspicion = reason;
        rewind();
    }

    private void haltIfAllAnswered(long head) {
        if (suspicion != null && outstanding.isEmpty() && sentUpTo >= head) {
            halt(suspicion);
        }
    }

    private void halt(String reason) {
        LOG.severe("the uplink stops sending: " + reason);
        progress.halt(reason);
        outstanding.clear();
    }

    /** Nothing sent since the last ack (or the connect) was acked: smaller batches may get through where these did not. */
    private void shrinkBatchesIfNothingWasAcked() {
        if (ackedSeq == ackedWhenConnected && sentUpTo > ackedSeq && batchSize.nothingAcked()) {
            LOG.info("nothing acked of what was sent: batches of " + batchSize.entries() + " entries from now on");
        }
    }

    private void rewind() {
        outstanding.clear();
        sentUpTo = ackedSeq;
        lastProgressNanos = System.nanoTime();
    }

    /** Sends the next batch if it is full or its first entry has waited long enough; returns whether it sent. */
    private boolean sendIfDue() {
        long available = outbox.headSeq() - sentUpTo;
        if (available <= 0) {
            waitingSinceNanos = -1;
            return false;
        }
        if (available < batchSize.entries()) {
            if (waitingSinceNanos < 0) {
                waitingSinceNanos = System.nanoTime();
            }
            if (System.nanoTime() - waitingSinceNanos < settings.linger().toNanos()) {
                return false;
            }
        }
        List<RelayBatch.Entry> entries = outbox.after(sentUpTo, batchSize.entries());
        if (entries.isEmpty()) {
            return false;
        }
        RelayBatch batch = new RelayBatch(settings.store().franchise(), settings.store().store(), entries.getFirst().seq(),
                entries.getLast().seq(), entries);
        try {
            client.publish(Topics.events(settings.store()), BatchCodec.encode(batch, signature), 1, false);
        } catch (MqttException e) {
            board.failed("sending " + batch.fromSeq() + ".." + batch.toSeq() + ": " + e.getMessage());
            pause(IDLE_WAIT_MILLIS);
            return false;
        }
        if (outstanding.isEmpty()) {
            lastProgressNanos = System.nanoTime();
        }
        outstanding.addLast(batch.toSeq());
        sentUpTo = batch.toSeq();
        waitingSinceNanos = -1;
        return true;
    }

    private void pause(long millis) {
        try {
            if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void closeQuietly() {
        try {
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            LOG.log(Level.FINE, "dropping the uplink's connection", e);
        }
    }

    /** Stops sending; HQ keeps what it acked, and the next start sends from there. */
    @Override
    public void close() {
        closed = true;
        wake.release();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (client.isConnected()) {
                board.publishOffline();
                client.disconnect().waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.FINE, "closing the uplink's client", e);
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            connected = false;
            board.failed("lost the broker: " + cause.getMessage());
            wake.release();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (message.getPayload().length == 0) {
                return; // a retained message HQ cleared
            }
            try {
                if (topic.equals(Topics.config(settings.store()))) {
                    downlink.config(StoreConfig.decode(message.getPayload(), signature));
                } else if (topic.equals(Topics.commands(settings.store()))) {
                    downlink.commands(StoreCommands.decode(message.getPayload(), signature));
                } else {
                    acks.add(RelayAck.decode(message.getPayload(), signature));
                    wake.release();
                }
            } catch (BadMessageException e) {
                LOG.warning("ignored a message on " + topic + ": " + e.getMessage());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the broker has a batch: that moves nothing; only HQ's ack does
        }
    }
}
