package backroom.edge.bench;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.backup.Restore;
import backroom.edge.ledger.LedgerCopy;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRebuild;
import backroom.edge.relay.HqLedgerCopy;
import backroom.edge.web.Json;
import backroom.relay.hq.HqSink;
import backroom.relay.hq.StoreSecrets;
import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.uplink.UplinkSettings;
import backroom.relay.wire.StoreId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom bench rebuild}: a box whose disk died, rebuilt from HQ with what
 * {@code backroom restore --from-hq} runs (the ledger fetched over a local Mosquitto from an HQ
 * sink, every table replayed from its entries, the whole checked as {@code verify-ledger} would),
 * beside two baselines measured in the same run: the download alone, and a plain copy of the same
 * ledger rows into a new database with no table replayed.
 */
@Command(name = "rebuild", description = "restore --from-hq entries/s, beside the download alone and a plain copy of the rows.")
final class RebuildBench implements Callable<Integer> {

    private static final StoreId STORE = new StoreId("bench", "store-1");
    private static final String SECRET = "bench-store-secret-0123456789";
    private static final int TABLETS = 8;

    @Option(names = "--sales", description = "Sales the dead box rang before it died (default 20,000).")
    private int sales = 20_000;

    @Option(names = "--json", description = "Also print every figure as one JSON object on the last line.")
    private boolean json;

    @Option(names = "--dir", description = "Folder for the bench databases (default ./data/bench).")
    private Path dir = Path.of("data", "bench");

    @Override
    public Integer call() throws Exception {
        return BenchFolders.inFreshFolder(dir, "rebuild", this::measure);
    }

    private int measure(Path runDir) throws Exception {
        BenchLogging.quiet();
        Path dead = runDir.resolve("dead-box");
        String hq = "jdbc:h2:" + runDir.resolve("hq").toAbsolutePath();
        try (LocalBroker broker = LocalBroker.start(runDir);
             HqSink sink = HqSink.start(BrokerSettings.plain(broker.url()), StoreSecrets.parse(List.of(STORE + " " + SECRET), "bench"), hq,
                     Clock.systemUTC())) {
            UplinkSettings relay = new UplinkSettings(BrokerSettings.plain(broker.url()), STORE, SECRET);
            long head;
            try (Box box = Box.start(new BoxConfig("127.0.0.1", 0, dead).withRelay(relay))) {
                BenchSales.ring(box, BenchTill.open(box), sales, TABLETS);
                head = box.database().writer().head().seq();
                while (box.relay().status().ackedSeq() < head) {
                    Thread.sleep(20);
                }
            }
            System.out.printf("backroom bench rebuild: a box of %,d entries (%,d sales), held by HQ, rebuilt from it%n%n", head, sales);

            double download = downloadPerSecond(relay, head);
            double plainCopy = plainCopyPerSecond(dead, runDir.resolve("plain-copy"));
            long start = System.nanoTime();
            try (HqLedgerCopy copy = HqLedgerCopy.of(relay)) {
                Restore.Rebuilt rebuilt = Restore.rebuild(copy, runDir.resolve("new-box"), Box.tableReplays(), Box.tableAudits(),
                        Clock.systemUTC(), seq -> { });
                if (rebuilt.head().seq() != head) {
                    throw new IllegalStateException("the rebuild ended at " + rebuilt.head().seq() + ", not " + head);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rebuild = head / seconds;
            System.out.println("a dead box's ledger back from HQ                                   entries/s");
            System.out.printf("  baseline: the download alone (pages of %,d over MQTT, signed)     %,10.0f%n", 1_000, download);
            System.out.printf("  baseline: a plain copy of the rows into a new database            %,10.0f%n", plainCopy);
            System.out.printf("  restore --from-hq (download, every table replayed, all checked)    %,10.0f  (%.1f s; x%.2f the download alone)%n",
                    rebuild, seconds, rebuild / download);
            System.out.printf("  a week of a busy store, 200,000 entries, at that rate                %8.0f s%n", 200_000 / rebuild);
            if (json) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("entries", head);
                figures.put("downloadEntriesPerSecond", Math.round(download));
                figures.put("plainCopyEntriesPerSecond", Math.round(plainCopy));
                figures.put("rebuildEntriesPerSecond", Math.round(rebuild));
                figures.put("rebuildSeconds", Math.round(seconds * 10) / 10.0);
                System.out.println(Json.write(figures));
            }
        }
        return 0;
    }

    private static double downloadPerSecond(UplinkSettings relay, long head) {
        long start = System.nanoTime();
        long fetched = 0;
        try (HqLedgerCopy copy = HqLedgerCopy.of(relay)) {
            for (List<LedgerEntry> page = copy.pageAfter(0); !page.isEmpty(); page = copy.pageAfter(page.getLast().seq())) {
                fetched += page.size();
            }
        }
        if (fetched != head) {
            throw new IllegalStateException("HQ handed back " + fetched + " entries, not " + head);
        }
        return fetched / ((System.nanoTime() - start) / 1e9);
    }

    /** The dead box's own rows copied into a new ledger with no table replayed: what writing the entries alone costs. */
    private static double plainCopyPerSecond(Path dead, Path copy) {
        try (Handle source = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dead), "sa", "");
             LedgerRebuild rebuild = LedgerRebuild.into(copy, List.of())) {
            LedgerCopy rows = afterSeq -> source.createQuery("""
                            SELECT seq, type, occurred_at, payload, prev_hash, hash FROM ledger WHERE seq > :after ORDER BY seq LIMIT 1000""")
                    .bind("after", afterSeq)
                    .map((rs, ctx) -> new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                            rs.getString(4), rs.getString(5), rs.getString(6)))
                    .list();
            long start = System.nanoTime();
            long entries = rebuild.copy(rows, seq -> { }).seq();
            return entries / ((System.nanoTime() - start) / 1e9);
        }
    }
}
