package backroom.edge.bench;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.web.Json;
import backroom.relay.hq.HqSink;
import backroom.relay.hq.StoreSecrets;
import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.mqtt.Brokers;
import backroom.relay.uplink.UplinkSettings;
import backroom.relay.wire.StoreId;
import backroom.relay.wire.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom bench relay}: a backlog of real sales drained end to end (box, broker, HQ sink on
 * H2, HQ's ack back) when a running box's link comes back, and by a box starting with it, beside
 * plain one-message-per-entry QoS 1 publishing of the same entries and beside what bounds any
 * drain here (the box's ledger read alone, HQ's H2 taking plain inserts alone: {@link DrainCeilings}); the
 * sales p99 at 8 clients as the box's link comes back, with nothing to send and with the whole
 * backlog (HQ's sink and the broker held to a core of their own, as on machines of their own); and
 * HQ's intake from 50 stores draining at once into two sinks on PostgreSQL ({@link HqIntake}).
 */
@Command(name = "relay", description = "Relay drain entries/s beside plain QoS 1 publishing; sales p99 with and without a drain.")
final class RelayBench implements Callable<Integer> {

    private static final StoreId STORE = new StoreId("bench", "store-1");
    private static final String SECRET = "bench-store-secret-0123456789";
    private static final int CLIENTS = 8;

    @Option(names = "--json", description = "Also print every figure as one JSON object on the last line.")
    private boolean json;

    @Option(names = "--entries", description = "Entries in the backlog, of real sales (default 200,000).")
    private int entries = 200_000;

    @Option(names = "--rtt-ms", description = "Round trip of the store's link for the second drain figure (default 40; 0 skips it).")
    private int rttMillis = 40;

    @Option(names = "--stores", description = "Stores draining into HQ at once for the intake figure (default 50; 0 skips it).")
    private int stores = 50;

    @Option(names = "--per-store", description = "Entries each of those stores sends (default 4,000).")
    private int perStore = 4_000;

    @Option(names = "--postgres", description = "PostgreSQL server for the intake figure; a database is made there and dropped"
            + " (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).")
    private String postgres = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @Option(names = "--dir", description = "Folder for the bench databases (default ./data/bench).")
    private Path dir = Path.of("data", "bench");

    @Override
    public Integer call() throws Exception {
        return BenchFolders.inFreshFolder(dir, "relay", this::measure);
    }

    private int measure(Path runDir) throws Exception {
        BenchLogging.quiet();
        Path data = runDir.resolve("box");
        try (LocalBroker broker = LocalBroker.start(runDir)) {
            BenchTill till;
            try (Box box = Box.start(new BoxConfig("127.0.0.1", 0, data))) {
                till = BenchTill.open(box);
                BenchSales.ringUntilEntries(box, till, entries, CLIENTS);
            }
            long head = BenchSales.headSeq(data);
            System.out.printf("backroom bench relay: a backlog of %,d entries (real sales) in %s%n%n", head, data.toAbsolutePath());

            double baseline = PlainPublishes.entriesPerSecond(data, broker.url());
            BoxConfig relaying = new BoxConfig("127.0.0.1", 0, data).withRelay(new UplinkSettings(BrokerSettings.plain(broker.url()), STORE, SECRET));

            // The drain: a running box (its start-up walk of the whole ledger done) whose link to the
            // broker comes back, timed from the moment it reaches the broker until HQ has checked its
            // head. The link is a proxy that holds nothing back: it only adds its own copying.
            int linkPort = DelayLink.freePort();
            BoxConfig behindLink = relaying.withRelay(new UplinkSettings(BrokerSettings.plain("tcp://127.0.0.1:" + linkPort), STORE, SECRET)
                    .withTimings(UplinkSettings.ACK_TIMEOUT, Duration.ofSeconds(1)));
            String firstHq = "jdbc:h2:" + runDir.resolve("hq-1").toAbsolutePath();
            double drainSeconds;
            try (HqSink sink = sink(broker, firstHq); Box box = Box.start(behindLink)) {
                awaitStartUpAudit(box);
                try (DelayLink link = DelayLink.on(linkPort, broker.port(), Duration.ZERO)) {
                    awaitConnected(box);
                    long start = System.nanoTime();
                    awaitChecked(firstHq, head);
                    drainSeconds = (System.nanoTime() - start) / 1e9;
                    awaitAcked(box);
                }
            }
            double startingDrainSeconds = startingDrain(runDir, data, broker, relaying, head);
            DrainCeilings.Result ceilings = DrainCeilings.measure(data, "jdbc:h2:" + runDir.resolve("hq-ceiling").toAbsolutePath());

            // The sales figures: a box that has run a while (its start-up walk of the whole ledger done)
            // when its link to the broker comes back, with nothing to send and then with the whole
            // backlog: the one difference between them is the drain. HQ's sink and the broker run as
            // on machines of their own: on the last core, the box and its tablets on the others.
            String secondHq = "jdbc:h2:" + runDir.resolve("hq-2").toAbsolutePath();
            long self = ProcessHandle.current().pid();
            // Worked out before any pinning: a JVM held to one core counts one processor.
            String boxCores = Cores.forBox();
            String hqCores = Cores.forHq();
            String allCores = Cores.all();
            HttpSalesLoad.Result idle;
            HttpSalesLoad.Result draining;
            long backlogBefore;
            long backlogAfter;
            double drainedDuringLoad;
            Cores.pin(broker.pid(), hqCores);
            Cores.pin(self, boxCores);
            try {
                try (HqSinkProcess sink = HqSinkProcess.start(runDir.resolve("hq-process"), firstHq, broker.url(), STORE + " " + SECRET,
                        hqCores); Box box = Box.start(behindLink)) {
                    awaitStartUpAudit(box);
                    try (DelayLink link = DelayLink.on(linkPort, broker.port(), Duration.ZERO)) {
                        awaitConnected(box);
                        idle = new HttpSalesLoad(box.port(), till).run(CLIENTS, Duration.ofSeconds(1), Duration.ofSeconds(5));
                    }
                }
                forgetAck(data, broker);
                try (HqSinkProcess sink = HqSinkProcess.start(runDir.resolve("hq-process"), secondHq, broker.url(), STORE + " " + SECRET,
                        hqCores); Box box = Box.start(behindLink)) {
                    awaitStartUpAudit(box);
                    backlogBefore = box.relay().status().backlog();
                    try (DelayLink link = DelayLink.on(linkPort, broker.port(), Duration.ZERO)) {
                        long linkUp = System.nanoTime();
                        long ackedBefore = box.relay().status().ackedSeq();
                        awaitConnected(box);
                        draining = new HttpSalesLoad(box.port(), till).run(CLIENTS, Duration.ofSeconds(1), Duration.ofSeconds(5));
                        backlogAfter = box.relay().status().backlog();
                        drainedDuringLoad = (box.relay().status().ackedSeq() - ackedBefore) / ((System.nanoTime() - linkUp) / 1e9);
                    }
                }
            } finally {
                Cores.pin(self, allCores);
                Cores.pin(broker.pid(), allCores);
            }

            WanDrain wan = rttMillis > 0 ? wanDrain(runDir, data, broker, relaying, head) : null;

            HqIntake.Result intake = stores > 0
                    ? HqIntake.measure(data, broker.url(), postgres, stores, (int) Math.min(perStore, head)) : null;

            double drainPerSecond = head / drainSeconds;
            System.out.println("the backlog to HQ                                                   entries/s   seconds");
            System.out.printf("  baseline: one QoS 1 message per entry, 10 in flight, PUBACK      %,10.0f  %8.1f%n", baseline, head / baseline);
            System.out.printf("  relay, the link back to a running box: box -> broker -> HQ sink   %,10.0f  %8.1f   (x%.1f)%n",
                    drainPerSecond, drainSeconds, drainPerSecond / baseline);
            System.out.printf("    (H2) -> HQ's ack; and a box starting with the backlog           %,10.0f  %8.1f   (x%.1f)%n",
                    head / startingDrainSeconds, startingDrainSeconds, head / startingDrainSeconds / baseline);
            System.out.printf("  what bounds any drain here, each alone on one thread:%n");
            System.out.printf("    the box reading its ledger in pages of 1,000                    %,10.0f  %8.1f   (x%.1f)%n",
                    ceilings.ledgerReadPerSecond(), ceilings.entries() / ceilings.ledgerReadPerSecond(),
                    ceilings.ledgerReadPerSecond() / baseline);
            System.out.printf("    HQ's H2 taking the same rows in plain JDBC batches of 1,000     %,10.0f  %8.1f   (x%.1f)%n",
                    ceilings.hqInsertPerSecond(), ceilings.entries() / ceilings.hqInsertPerSecond(),
                    ceilings.hqInsertPerSecond() / baseline);
            System.out.printf("  the target, 10x the baseline                                      %,10.0f  %8.1f%n%n", baseline * 10,
                    head / (baseline * 10));
            System.out.printf("%-41s  sales/s   p50 ms   p99 ms  refused%n", "sales at " + CLIENTS + " clients as the link comes back");
            System.out.printf("%-41s%,9.0f %8.2f %8.2f %8d%n", "  relay idle (backlog 0)", idle.salesPerSecond(), idle.p50Millis(),
                    idle.p99Millis(), idle.failures());
            System.out.printf("%-41s%,9.0f %8.2f %8.2f %8d   (%,d entries to send before it, %,d after: %,.0f acked a second)%n",
                    "  during the drain of the backlog", draining.salesPerSecond(), draining.p50Millis(), draining.p99Millis(),
                    draining.failures(), backlogBefore, backlogAfter, drainedDuringLoad);
            System.out.printf("  (the box and its %d tablets on core(s) %s; HQ's sink and the broker on core %s)%n", CLIENTS, boxCores,
                    hqCores);
            if (wan != null) {
                System.out.printf("%nthe backlog to HQ over a link with a %d ms round trip                 entries/s   seconds%n", rttMillis);
                System.out.printf("  baseline: one QoS 1 message per entry, 10 in flight (first %,d)  %,10.0f  %8.1f%n", WAN_SAMPLE,
                        wan.baselinePerSecond(), head / wan.baselinePerSecond());
                System.out.printf("  relay: box -> link -> broker -> HQ sink (H2) -> HQ's ack          %,10.0f  %8.1f   (x%.1f)%n",
                        wan.drainPerSecond(), head / wan.drainPerSecond(), wan.drainPerSecond() / wan.baselinePerSecond());
            }
            if (intake != null) {
                System.out.printf("%nHQ intake: %d stores draining at once (%,d entries) into two sinks on PostgreSQL   entries/s   seconds%n",
                        stores, intake.entries());
                System.out.printf("  baseline: the same rows in plain JDBC batches of 1,000, one connection        %,10.0f  %8.1f%n",
                        intake.baselinePerSecond(), intake.entries() / intake.baselinePerSecond());
                System.out.printf("  relay: %d uplinks -> broker -> 2 HQ sinks, chain-checked, acked              %,10.0f  %8.1f   (x%.1f)%n",
                        stores, intake.relayPerSecond(), intake.relaySeconds(), intake.relayPerSecond() / intake.baselinePerSecond());
            }
            if (json) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("entries", head);
                figures.put("baselineEntriesPerSecond", Math.round(baseline));
                figures.put("drainEntriesPerSecond", Math.round(drainPerSecond));
                figures.put("drainSeconds", Math.round(drainSeconds * 10) / 10.0);
                figures.put("drainOverBaseline", Math.round(drainPerSecond / baseline * 10) / 10.0);
                figures.put("startingDrainEntriesPerSecond", Math.round(head / startingDrainSeconds));
                figures.put("ledgerReadAloneEntriesPerSecond", Math.round(ceilings.ledgerReadPerSecond()));
                figures.put("hqInsertAloneEntriesPerSecond", Math.round(ceilings.hqInsertPerSecond()));
                figures.put("salesPerSecondIdle", Math.round(idle.salesPerSecond()));
                figures.put("p99MillisIdle", idle.p99Millis());
                figures.put("salesPerSecondDuringDrain", Math.round(draining.salesPerSecond()));
                figures.put("p99MillisDuringDrain", draining.p99Millis());
                figures.put("backlogBeforeLoad", backlogBefore);
                figures.put("backlogAfterLoad", backlogAfter);
                figures.put("drainEntriesPerSecondDuringLoad", Math.round(drainedDuringLoad));
                figures.put("refusedIdle", idle.failures());
                figures.put("refusedDuringDrain", draining.failures());
                if (wan != null) {
                    figures.put("wanRoundTripMillis", rttMillis);
                    figures.put("wanBaselineEntriesPerSecond", Math.round(wan.baselinePerSecond()));
                    figures.put("wanDrainEntriesPerSecond", Math.round(wan.drainPerSecond()));
                    figures.put("wanDrainOverBaseline", Math.round(wan.drainPerSecond() / wan.baselinePerSecond() * 10) / 10.0);
                }
                if (intake != null) {
                    figures.put("intakeStores", stores);
                    figures.put("intakeEntries", intake.entries());
                    figures.put("intakeBaselineEntriesPerSecond", Math.round(intake.baselinePerSecond()));
                    figures.put("intakeEntriesPerSecond", Math.round(intake.relayPerSecond()));
                    figures.put("intakeSeconds", Math.round(intake.relaySeconds() * 10) / 10.0);
                }
                System.out.println(Json.write(figures));
            }
        }
        return 0;
    }

    /** The baseline is timed over the first entries only: at 10 in flight over a round trip, all of them would take long. */
    private static final long WAN_SAMPLE = 5_000;

    private record WanDrain(double baselinePerSecond, double drainPerSecond) {
    }

    /** The same backlog sent again, from the start, through a link that holds each byte half the round trip each way. */
    private WanDrain wanDrain(Path runDir, Path data, LocalBroker broker, BoxConfig relaying, long head) throws Exception {
        try (DelayLink link = DelayLink.to(broker.port(), Duration.ofMillis(rttMillis).dividedBy(2))) {
            double baseline = PlainPublishes.entriesPerSecond(data, link.url(), WAN_SAMPLE);
            forgetAck(data, broker);
            String hq = "jdbc:h2:" + runDir.resolve("hq-3").toAbsolutePath();
            BoxConfig throughTheLink = relaying.withRelay(new UplinkSettings(BrokerSettings.plain(link.url()), STORE, SECRET));
            try (HqSink sink = sink(broker, hq)) {
                long start = System.nanoTime();
                try (Box box = Box.start(throughTheLink)) {
                    awaitChecked(hq, head);
                    return new WanDrain(baseline, head / ((System.nanoTime() - start) / 1e9));
                }
            }
        }
    }

    /**
     * The same backlog sent again, from the start, by a box starting with it on the broker's own
     * port: its start-up walk of the whole ledger runs beside the drain, as after a power cut.
     */
    private static double startingDrain(Path runDir, Path data, LocalBroker broker, BoxConfig relaying, long head) throws Exception {
        forgetAck(data, broker);
        String hq = "jdbc:h2:" + runDir.resolve("hq-starting").toAbsolutePath();
        try (HqSink sink = sink(broker, hq)) {
            long start = System.nanoTime();
            try (Box box = Box.start(relaying)) {
                awaitChecked(hq, head);
                double seconds = (System.nanoTime() - start) / 1e9;
                awaitAcked(box);
                return seconds;
            }
        }
    }

    private static HqSink sink(LocalBroker broker, String jdbcUrl) throws SQLException {
        return HqSink.start(BrokerSettings.plain(broker.url()), StoreSecrets.parse(List.of(STORE + " " + SECRET), "bench"), jdbcUrl,
                Clock.systemUTC());
    }

    private static void awaitStartUpAudit(Box box) throws InterruptedException {
        while (!box.startUpAudit().done()) {
            Thread.sleep(20);
        }
    }

    private static void awaitConnected(Box box) throws InterruptedException {
        while (!box.relay().status().connected()) {
            Thread.sleep(5);
        }
    }

    private static void awaitAcked(Box box) throws InterruptedException {
        while (box.relay().status().backlog() > 0) {
            Thread.sleep(5);
        }
    }

    private static void awaitChecked(String hq, long head) throws SQLException, InterruptedException {
        try (Connection connection = DriverManager.getConnection(hq); Statement sql = connection.createStatement()) {
            while (true) {
                try (ResultSet row = sql.executeQuery("SELECT checked_seq FROM store_heads")) {
                    if (row.next() && row.getLong(1) >= head) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
    }

    /** The box forgets HQ's ack and the broker its retained copy: the next start drains the whole ledger again. */
    private static void forgetAck(Path data, LocalBroker broker) throws Exception {
        try (Connection ledger = DriverManager.getConnection(LedgerDatabase.urlFor(data), "sa", "");
             Statement sql = ledger.createStatement()) {
            sql.executeUpdate("UPDATE relay_state SET acked_seq = 0");
        }
        BrokerSettings settings = BrokerSettings.plain(broker.url());
        MqttAsyncClient client = Brokers.client(settings, "bench-" + UUID.randomUUID());
        client.connect(Brokers.options(settings, 10)).waitForCompletion();
        client.publish(Topics.ack(STORE), new byte[0], 1, true).waitForCompletion();
        client.disconnect().waitForCompletion();
        client.close();
    }
}
