package backroom.edge;

import backroom.edge.ledger.LedgerWriter;
import backroom.edge.ledger.WholeLedgerAudit;
import backroom.edge.printing.DeviceStatus;
import backroom.edge.printing.DeviceStatusBoard;
import backroom.edge.relay.Relay;
import backroom.edge.relay.RelayView;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /observe/health} ({@code /live} and {@code /ready} each alone): live while the ledger's
 * writer thread runs ({@code ledgerWriter}); ready when the ledger can be written ({@code ledger}), whether the
 * clock is behind the ledger ({@code clock}), and what the walk of the whole ledger after start-up
 * found ({@code audit}), and whether the relay to HQ goes on ({@code relay}: DOWN only once it
 * halted, a fork or a ledger behind HQ's, which needs a technician; offline is normal), and each
 * printer by its role ({@code printer:receipt}: DOWN while it cannot be reached, is out of paper or
 * has its cover open, so a sale's receipt would wait; a printer not yet asked is UP). Any DOWN
 * makes the answer 503.
 */
final class BoxHealth {

    private static final String PRINTER = "printer";

    private BoxHealth() {
    }

    static HealthObserver observer(LedgerWriter writer, Clock clock, WholeLedgerAudit audit, Relay relay, DeviceStatusBoard devices) {
        HealthObserverConfig.Builder health = HealthObserver.builder()
                .details(true)
                .addCheck(() -> HealthCheckResponse.builder()
                        .status(writer.isRunning())
                        .detail("writerRunning", writer.isRunning())
                        .build(), HealthCheckType.LIVENESS, "ledgerWriter")
                .addCheck(() -> ledger(writer), HealthCheckType.READINESS, "ledger")
                .addCheck(() -> clock(writer, clock), HealthCheckType.READINESS, "clock")
                .addCheck(() -> audit(audit.report()), HealthCheckType.READINESS, "audit")
                .addCheck(() -> relay(relay.status()), HealthCheckType.READINESS, "relay");
        devices.all(Map.of()).stream().filter(device -> PRINTER.equals(device.kind())).map(DeviceStatus::role)
                .forEach(role -> health.addCheck(() -> printer(devices, role), HealthCheckType.READINESS, "printer:" + role));
        return health.build();
    }

    private static HealthCheckResponse printer(DeviceStatusBoard devices, String role) {
        DeviceStatus device = devices.all(Map.of()).stream().filter(listed -> listed.role().equals(role)).findFirst().orElseThrow();
        boolean canPrint = !Boolean.FALSE.equals(device.online()) && !"out".equals(device.paper())
                && !Boolean.TRUE.equals(device.coverOpen());
        HealthCheckResponse.Builder check = HealthCheckResponse.builder()
                .status(canPrint)
                .detail("profile", device.profile())
                .detail("connection", device.connection())
                .detail("asked", device.online() != null);
        if (device.online() != null) {
            check.detail("online", device.online());
        }
        if (device.paper() != null) {
            check.detail("paper", device.paper());
        }
        if (device.lastError() != null) {
            check.detail("problem", device.lastError());
        }
        return check.build();
    }

    /** DOWN from a write that failed (a full disk) until one goes through again, or while the database is being reopened. */
    private static HealthCheckResponse ledger(LedgerWriter writer) {
        HealthCheckResponse.Builder check = HealthCheckResponse.builder()
                .status(writer.isWritable())
                .detail("headSeq", writer.head().seq());
        writer.lastFailure().ifPresent(why -> check.detail("problem", why));
        return check.build();
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
