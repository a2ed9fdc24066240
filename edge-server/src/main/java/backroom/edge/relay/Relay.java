package backroom.edge.relay;

import backroom.edge.ledger.LedgerDatabase;
import backroom.relay.uplink.Uplink;
import backroom.relay.uplink.UplinkSettings;
import backroom.relay.uplink.UplinkStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * The box's link to HQ, if one is configured: the uplink, woken by every group the ledger writer
 * commits. Without a broker the ledger keeps every entry, and the relay's status says they queue.
 */
public final class Relay implements AutoCloseable {

    static final String NOT_CONFIGURED = "no broker configured (BACKROOM_MQTT_URL): entries wait in the ledger";

    private final LedgerDatabase ledger;
    private final RelayProgress progress;
    private final Uplink uplink;

    private Relay(LedgerDatabase ledger, RelayProgress progress, Uplink uplink) {
        this.ledger = ledger;
        this.progress = progress;
        this.uplink = uplink;
    }

    /** Starts the uplink in the background when {@code settings} are given; never waits for the broker. */
    public static Relay start(Optional<UplinkSettings> settings, LedgerDatabase ledger, Clock clock) {
        RelayProgress progress = new RelayProgress(ledger.jdbi(), ledger.writer());
        Uplink uplink = settings.map(config -> Uplink.start(config, new LedgerOutbox(ledger), progress, clock,
                "backroom-" + config.store().franchise() + "-" + config.store().store())).orElse(null);
        if (uplink != null) {
            ledger.writer().onCommitted(entries -> uplink.wake());
        }
        return new Relay(ledger, progress, uplink);
    }

    public RelayView status() {
        if (uplink == null) {
            long head = ledger.writer().head().seq();
            long acked = progress.ackedSeq();
            return RelayView.of(false, new UplinkStatus(false, acked, head, null, NOT_CONFIGURED, progress.halted().orElse(null)));
        }
        return RelayView.of(true, uplink.status());
    }

    @Override
    public void close() {
        if (uplink != null) {
            uplink.close();
        }
    }
}
