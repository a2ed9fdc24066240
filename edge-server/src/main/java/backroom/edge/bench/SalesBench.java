package backroom.edge.bench;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.web.Json;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom bench sales}: sales/s and p50/p99 over HTTP at 1, 8 and 32 clients, beside raw
 * H2 baselines measured in the same run in the same folder: two-row commits without a sync, the
 * rows of one sale committed and synced alone, and the same rows group-committed with one sync.
 */
@Command(name = "sales", description = "Sales/s and latency over HTTP beside raw H2 commit baselines.")
final class SalesBench implements Callable<Integer> {

    @Option(names = "--json", description = "Also print every figure as one JSON object on the last line.")
    private boolean json;

    @Option(names = "--dir", description = "Folder for the bench databases (default ./data/bench, the box's own disk).")
    private Path dir = Path.of("data", "bench");

    @Option(names = "--seconds", description = "Measured seconds per figure (default 5).")
    private int seconds = 5;

    @Override
    public Integer call() throws Exception {
        return BenchFolders.inFreshFolder(dir, "run", this::measure);
    }

    private int measure(Path runDir) throws Exception {
        BenchLogging.quiet();
        Duration measure = Duration.ofSeconds(seconds);
        Duration warmUp = Duration.ofSeconds(1);
        System.out.printf("backroom bench sales: %d s per figure, folder %s, Java %s, %d cores, heap %d MiB, %s%n%n",
                seconds, runDir.toAbsolutePath(), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                heapMiB(), collectors());

        double rawTwoRow = RawCommits.twoRowCommitsPerSecond(runDir, measure);
        double rawSyncEach = RawCommits.syncedSalesPerSecond(runDir, measure, 1);
        double rawGroup = RawCommits.syncedSalesPerSecond(runDir, measure, 32);
        System.out.println("baselines (plain JDBC, WRITE_DELAY=0, same folder)          per second");
        System.out.printf("  raw H2 two-row commit, no sync                         %,10.0f%n", rawTwoRow);
        System.out.printf("  raw sale rows, commit + CHECKPOINT SYNC each           %,10.0f%n", rawSyncEach);
        System.out.printf("  raw sale rows, group of 32 + one CHECKPOINT SYNC       %,10.0f%n%n", rawGroup);

        List<HttpSalesLoad.Result> results = new ArrayList<>();
        try (Box box = Box.start(new BoxConfig("127.0.0.1", 0, runDir.resolve("box")))) {
            BenchTill till = BenchTill.open(box);
            HttpSalesLoad load = new HttpSalesLoad(box.port(), till);
            // The box runs for months; after 2 s of warm-up the JIT compiler still took more of the
            // 2 cores per sale than the ledger writer did, so the figures measured start-up.
            load.run(32, Duration.ZERO, Duration.ofSeconds(8));
            for (int clients : new int[] {1, 8, 32}) {
                results.add(load.run(clients, warmUp, measure));
            }
            if (!box.database().verifyChain().intact()) {
                throw new IllegalStateException("the ledger does not verify after the bench");
            }
        }
        System.out.println("HTTP POST /api/v1/sales (group commit, synced)");
        System.out.println("  clients    sales/s   p50 ms   p99 ms   x raw 2-row   x raw sync-each   failures"
                + "   CPU us/sale: box  writer  client");
        for (HttpSalesLoad.Result r : results) {
            System.out.printf("  %7d %10.0f %8.2f %8.2f %13.2f %17.2f %10d %17.0f %7.0f %7.0f%n", r.clients(), r.salesPerSecond(),
                    r.p50Millis(), r.p99Millis(), r.salesPerSecond() / rawTwoRow, r.salesPerSecond() / rawSyncEach, r.failures(),
                    r.boxCpuMicros(), r.writerCpuMicros(), r.clientCpuMicros());
        }
        if (json) {
            System.out.println(Json.write(figures(rawTwoRow, rawSyncEach, rawGroup, results)));
        }
        return results.stream().anyMatch(r -> r.failures() > 0) ? 1 : 0;
    }

    private static long heapMiB() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
    }

    private static Map<String, Object> figures(double rawTwoRow, double rawSyncEach, double rawGroup, List<HttpSalesLoad.Result> results) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("heapMiB", heapMiB());
        figures.put("garbageCollectors", collectors());
        figures.put("rawTwoRowCommitsPerSecond", Math.round(rawTwoRow));
        figures.put("rawSaleSyncEachPerSecond", Math.round(rawSyncEach));
        figures.put("rawSaleGroupSyncPerSecond", Math.round(rawGroup));
        for (HttpSalesLoad.Result r : results) {
            String prefix = "http" + r.clients() + "Clients";
            figures.put(prefix + "SalesPerSecond", Math.round(r.salesPerSecond()));
            figures.put(prefix + "P50Millis", Math.round(r.p50Millis() * 100) / 100.0);
            figures.put(prefix + "P99Millis", Math.round(r.p99Millis() * 100) / 100.0);
            figures.put(prefix + "VsRawTwoRow", Math.round(r.salesPerSecond() / rawTwoRow * 100) / 100.0);
            figures.put(prefix + "VsRawSyncEach", Math.round(r.salesPerSecond() / rawSyncEach * 100) / 100.0);
            figures.put(prefix + "BoxCpuMicrosPerSale", Math.round(r.boxCpuMicros()));
            figures.put(prefix + "WriterCpuMicrosPerSale", Math.round(r.writerCpuMicros()));
        }
        return figures;
    }
}
