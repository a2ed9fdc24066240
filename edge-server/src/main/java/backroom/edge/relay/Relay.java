package backroom.edge.relay;

import backroom.edge.ledger.LedgerDatabase;
import backroom.relay.uplink.Uplink;
import backroom.relay.uplink.UplinkSettings;
import backroom.relay.uplink.UplinkStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The box's link to HQ, if one is configured: the uplink, woken by every group the ledger writer
 * commits. Without a broker the ledger keeps every entry, and the relay's status says they queue.
 * The status is looked at every {@value #WATCH_MILLIS} ms and handed on when it changed (to the
 * live feed, as {@code relay.status}).
 */
public final class Relay implements AutoCloseable {

    static final long WATCH_MILLIS = 1_000;
    static final String NOT_CONFIGURED = "no broker configured (BACKROOM_MQTT_URL): entries wait in the ledger";

    private static final Logger LOG = Logger.getLogger(Relay.class.getName());

    private final LedgerDatabase ledger;
    private final RelayProgress progress;
    private final Uplink uplink;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("relay-status").daemon(true).factory());
    private RelayView lastSeen;

    private Relay(LedgerDatabase ledger, RelayProgress progress, Uplink uplink, Consumer<RelayView> onChange) {
        this.ledger = ledger;
        this.progress = progress;
        this.uplink = uplink;
        watch.scheduleWithFixedDelay(() -> tellIfChanged(onChange), WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the uplink in the background when {@code settings} are given; never waits for the
     * broker. {@code onChange} is told each changed status, on the relay's own thread.
     */
    public static Relay start(Optional<UplinkSettings> settings, LedgerDatabase ledger, Clock clock, Consumer<RelayView> onChange) {
        RelayProgress progress = new RelayProgress(ledger.jdbi(), ledger.writer());
        Uplink uplink = settings.map(config -> Uplink.start(config, new LedgerOutbox(ledger), progress, clock,
                "backroom-" + config.store().franchise() + "-" + config.store().store())).orElse(null);
        if (uplink != null) {
            ledger.writer().onCommitted(entries -> uplink.wake());
        }
        return new Relay(ledger, progress, uplink, onChange);
    }

    public RelayView status() {
        if (uplink == null) {
            long head = ledger.writer().head().seq();
            long acked = progress.ackedSeq();
            return RelayView.of(false, new UplinkStatus(false, acked, head, null, NOT_CONFIGURED, progress.halted().orElse(null)));
        }
        return RelayView.of(true, uplink.status());
    }

    private void tellIfChanged(Consumer<RelayView> onChange) {
        try {
            RelayView now = status();
            if (!now.equals(lastSeen)) {
                lastSeen = now;
                onChange.accept(now);
            }
        } catch (RuntimeException e) {
            // A failure must not end the schedule: the next look tries again.
            LOG.log(Level.WARNING, "telling the relay's status failed", e);
        }
    }

    @Override
    public void close() {
        watch.shutdownNow();
        if (uplink != null) {
            uplink.close();
        }
    }
}
