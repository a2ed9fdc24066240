package backroom.edge.metrics;

import backroom.edge.ledger.GroupCommits;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.printing.DeviceStatus;
import backroom.edge.printing.DeviceStatusBoard;
import backroom.edge.relay.RelayView;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What {@code GET /observe/metrics} shows, gathered at each scrape: counters count since the box
 * started (Prometheus reads a restart from the drop), gauges say how things stand now.
 */
public final class BoxMetrics {

    static final String SALE = "sale.completed";

    private final LedgerDatabase ledger;
    private final EntryCounts entries = new EntryCounts();
    private final Supplier<RelayView> relay;
    private final DeviceStatusBoard devices;
    private final IntSupplier liveClients;
    private final Clock clock;

    /** Counts the ledger's entries from now on; {@code liveClients} says how many sockets the live feed holds. */
    public BoxMetrics(LedgerDatabase ledger, Supplier<RelayView> relay, DeviceStatusBoard devices, IntSupplier liveClients, Clock clock) {
        this.ledger = ledger;
        this.relay = relay;
        this.devices = devices;
        this.liveClients = liveClients;
        this.clock = clock;
        ledger.writer().onCommitted(entries);
    }

    /** The whole page, in Prometheus' text format. */
    public String scrape() {
        PrometheusText text = new PrometheusText();
        ledger(text);
        relay(text, relay.get());
        devices(text);
        text.single("backroom_live_clients", "gauge", "Screens and tablets connected to the live feed.", liveClients.getAsInt());
        JvmMeters.write(text);
        return text.toString();
    }

    private void ledger(PrometheusText text) {
        text.single("backroom_sales_total", "counter", "Sales completed since the box started.", entries.of(SALE));
        text.family("backroom_ledger_entries_total", "counter", "Ledger entries written since the box started, by type.");
        entries.byType().forEach((type, count) -> text.sample("backroom_ledger_entries_total", Map.of("type", type), count));
        text.single("backroom_ledger_head_seq", "gauge", "Seq of the newest ledger entry on disk.", ledger.writer().head().seq());
        text.single("backroom_ledger_writable", "gauge", "1 while the ledger writer holds an open database, else 0.",
                ledger.writer().isWritable() ? 1 : 0);
        GroupCommits.Snapshot groups = ledger.writer().groupCommits().snapshot();
        text.histogram("backroom_ledger_group_writes", "Writes (sales and other changes) committed together in one group.",
                GroupCommits.SIZE_BOUNDS.stream().map(String::valueOf).toList(), groups.sizeBuckets(), Long.toString(groups.writes()),
                groups.groups());
        text.histogram("backroom_ledger_sync_seconds", "Time to force each committed group to disk.",
                GroupCommits.SYNC_MICROS_BOUNDS.stream().map(Seconds::ofMicros).toList(), groups.syncBuckets(),
                Seconds.ofMicros(groups.syncMicros()), groups.groups());
    }

    private void relay(PrometheusText text, RelayView view) {
        text.single("backroom_relay_configured", "gauge", "1 when a broker is configured for the relay to HQ.", view.configured() ? 1 : 0);
        text.single("backroom_relay_connected", "gauge", "1 while the relay is connected to the broker.", view.connected() ? 1 : 0);
        text.single("backroom_relay_halted", "gauge", "1 once the relay stopped on a fork or a ledger behind HQ's; a technician must act.",
                view.halted() == null ? 0 : 1);
        text.single("backroom_relay_acked_seq", "gauge", "Highest seq HQ has acknowledged.", view.ackedSeq());
        text.single("backroom_relay_backlog_entries", "gauge", "Ledger entries HQ has not acknowledged yet.", view.backlog());
        text.family("backroom_relay_lag_seconds", "gauge", "Age of the oldest entry HQ has not acknowledged (0: none waits).")
                .sample("backroom_relay_lag_seconds", Map.of(), Seconds.ofMillis(lagMillis(view)));
    }

    private long lagMillis(RelayView view) {
        if (view.backlog() <= 0) {
            return 0;
        }
        List<LedgerEntry> oldest = ledger.durableEntriesAfter(view.ackedSeq(), 1);
        return oldest.isEmpty() ? 0 : Math.max(0, Duration.between(oldest.getFirst().occurredAt(), clock.instant()).toMillis());
    }

    private void devices(PrometheusText text) {
        List<DeviceStatus> listed = devices.withWaitingJobs(ledger.jdbi());
        text.family("backroom_device_up", "gauge", "1 when the device last answered, 0 when it could not be reached (absent until asked).");
        listed.stream().filter(device -> device.online() != null)
                .forEach(device -> text.sample("backroom_device_up", labels(device), device.online() ? 1 : 0));
        text.family("backroom_print_jobs_waiting", "gauge", "Print jobs and drawer kicks waiting for each device.");
        listed.forEach(device -> text.sample("backroom_print_jobs_waiting", labels(device), device.queued()));
        text.family("backroom_device_failures_total", "counter", "Times a device could not be reached or refused a job since the box started.");
        listed.forEach(device -> text.sample("backroom_device_failures_total", labels(device), devices.failures(device.role())));
    }

    private static Map<String, String> labels(DeviceStatus device) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("device", device.role());
        labels.put("kind", device.kind());
        return labels;
    }
}
