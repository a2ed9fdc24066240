package backroom.edge.relay;

import backroom.edge.access.Actor;
import backroom.edge.access.DeviceRevoker;
import backroom.edge.catalog.CurrentPriceList;
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
 * commits, and what HQ sends down: its catalog and settings ({@link RemoteConfig}) and commands
 * ({@link RemoteCommands}). Without a broker the ledger keeps every entry, and the relay's status
 * says they queue.
 * The status is looked at every {@value #WATCH_MILLIS} ms and handed on (to the live feed, as
 * {@code relay.status}) when the relay's own state changed since the last look: connected, acked,
 * an error, a halt, a config; not the head alone, which every sale moves.
 */
public final class Relay implements AutoCloseable {

    static final long WATCH_MILLIS = 1_000;
    static final String NOT_CONFIGURED = "no broker configured (BACKROOM_MQTT_URL): entries wait in the ledger";

    private static final Logger LOG = Logger.getLogger(Relay.class.getName());

    private final LedgerDatabase ledger;
    private final RelayProgress progress;
    private final RemoteConfig config;
    private final Uplink uplink;
    private final HqDownlink downlink;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("relay-status").daemon(true).factory());
    private RelayView lastSeen;

    private Relay(LedgerDatabase ledger, RelayProgress progress, RemoteConfig config, Uplink uplink, HqDownlink downlink,
                  Consumer<RelayView> onChange) {
        this.ledger = ledger;
        this.progress = progress;
        this.config = config;
        this.uplink = uplink;
        this.downlink = downlink;
        watch.scheduleWithFixedDelay(() -> tellIfChanged(onChange), WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the uplink in the background when {@code settings} are given; never waits for the
     * broker. HQ's commands revoke devices through {@code revoker}; its config changes the catalog
     * and so {@code prices}. {@code onChange} is told each changed status, on the relay's own thread.
     */
    public static Relay start(Optional<UplinkSettings> settings, LedgerDatabase ledger, DeviceRevoker revoker, CurrentPriceList prices,
                              Clock clock, Consumer<RelayView> onChange) {
        RelayProgress progress = new RelayProgress(ledger.jdbi(), ledger.writer());
        RemoteConfig config = new RemoteConfig(ledger.jdbi(), ledger.writer(), prices);
        if (settings.isEmpty()) {
            return new Relay(ledger, progress, config, null, null, onChange);
        }
        UplinkSettings link = progress.storeSecret().map(settings.get()::withSecret).orElse(settings.get());
        UplinkControl control = new UplinkControl(link.storeSecret());
        HqDownlink downlink = new HqDownlink(config, new RemoteCommands(ledger.jdbi(), ledger.writer(), revoker, control));
        Uplink uplink = Uplink.create(link, new LedgerOutbox(ledger), progress, downlink, clock,
                "backroom-" + link.store().franchise() + "-" + link.store().store());
        control.attach(uplink);
        ledger.writer().onCommitted(entries -> uplink.wake());
        return new Relay(ledger, progress, config, uplink.start(), downlink, onChange);
    }

    public RelayView status() {
        UplinkStatus status = uplink != null ? uplink.status() : new UplinkStatus(false, progress.ackedSeq(),
                ledger.writer().head().seq(), null, NOT_CONFIGURED, progress.halted().orElse(null));
        return RelayView.of(uplink != null, status, config.appliedVersion(), config.lastRefusal().orElse(null));
    }

    /**
     * A technician's word, once HQ has dealt with the fork or the ledger behind it: the box sends
     * again from HQ's acked point. If HQ still holds another history, the relay halts again.
     */
    public void resume(Actor by) {
        progress.resume(by);
        if (uplink != null) {
            uplink.resume();
        }
    }

    private void tellIfChanged(Consumer<RelayView> onChange) {
        try {
            RelayView now = status();
            RelayView before = lastSeen;
            lastSeen = now;
            if (before != null && !now.sameRelayStateAs(before)) {
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
        if (downlink != null) {
            downlink.close();
        }
        if (uplink != null) {
            uplink.close();
        }
    }
}
