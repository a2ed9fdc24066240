package backroom.edge;

import backroom.edge.ledger.LedgerWriter;
import backroom.edge.ledger.WholeLedgerAudit;
import backroom.edge.relay.Relay;
import backroom.edge.relay.RelayView;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.observe.health.HealthObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code GET /observe/health}: whether the ledger can be written ({@code ledger}), whether the
 * clock is behind the ledger ({@code clock}), and what the walk of the whole ledger after start-up
 * found ({@code audit}), and whether the relay to HQ goes on ({@code relay}: DOWN only once it
 * halted, a fork or a ledger behind HQ's, which needs a technician; offline is normal). Any DOWN
 * makes the answer 503.
 */
final class BoxHealth {

    private BoxHealth() {
    }

    static HealthObserver observer(LedgerWriter writer, Clock clock, WholeLedgerAudit audit, Relay relay) {
        return HealthObserver.builder()
                .details(true)
                .addCheck(() -> HealthCheckResponse.builder()
                        .status(writer.isWritable())
                        .detail("headSeq", writer.head().seq())
                        .build(), HealthCheckType.READINESS, "ledger")
                .addCheck(() -> clock(writer, clock), HealthCheckType.READINESS, "clock")
                .addCheck(() -> audit(audit.report()), HealthCheckType.READINESS, "audit")
                .addCheck(() -> relay(relay.status()), HealthCheckType.READINESS, "relay")
                .build();
    }

    /** DOWN while the clock reads earlier than the newest ledger entry: entries then keep that entry's time. */
    private static HealthCheckResponse clock(LedgerWriter writer, Clock clock) {
        Optional<Duration> lag = writer.clockLag();
        HealthCheckResponse.Builder check = HealthCheckResponse.builder()
                .status(lag.isEmpty())
                .detail("clock", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
                .detail("ledgerTime", writer.newestTime().toString());
        lag.ifPresent(behind -> check.detail("behindSeconds", behind.toSeconds())
                .detail("problem", "the clock is behind the ledger's newest entry; entries keep that entry's time until it catches up"));
        return check.build();
    }

    private static HealthCheckResponse relay(RelayView relay) {
        HealthCheckResponse.Builder check = HealthCheckResponse.builder()
                .status(relay.halted() == null)
                .detail("configured", relay.configured())
                .detail("connected", relay.connected())
                .detail("backlog", relay.backlog());
        if (relay.halted() != null) {
            check.detail("problem", relay.halted());
        }
        return check.build();
    }

    /** DOWN once the walk after start-up finds the whole ledger broken, or a table that disagrees with it. */
    private static HealthCheckResponse audit(WholeLedgerAudit.Report report) {
        HealthCheckResponse.Builder check = HealthCheckResponse.builder()
                .status(!report.broken())
                .detail("done", report.done())
                .detail("entriesChecked", report.entriesChecked());
        if (report.broken()) {
            check.detail("problem", report.problem());
        }
        if (report.failure() != null) {
            check.detail("failed", report.failure());
        }
        return check.build();
    }
}
