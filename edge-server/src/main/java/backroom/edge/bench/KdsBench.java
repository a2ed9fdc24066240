package backroom.edge.bench;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.web.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom bench kds}: how soon a sale's kitchen order reaches every kitchen screen, with
 * 20 screens on the live feed while 8 tablets ring sales, from the moment the sale's write is on
 * disk (the writer hands it to the hub) to the screen's receipt; beside a baseline of the hub
 * sending each screen a notice with no sale behind it, in the same run. The box rings 20,000
 * sales first, so that what is measured is a box that has warmed up, as a store's has by lunch.
 */
@Command(name = "kds", description = "Sale-to-screen latency with 20 kitchen screens while 8 tablets ring sales.")
final class KdsBench implements Callable<Integer> {

    private static final int NOTICES = 300;
    private static final int WARM_UP_SALES = 20_000;

    @Option(names = "--json", description = "Also print every figure as one JSON object on the last line.")
    private boolean json;

    @Option(names = "--screens", description = "Kitchen screens on the live feed (default 20).")
    private int screens = 20;

    @Option(names = "--clients", description = "Tablets ringing sales at once (default 8).")
    private int clients = 8;

    @Option(names = "--dir", description = "Folder for the bench database (default ./data/bench).")
    private Path dir = Path.of("data", "bench");

    @Override
    public Integer call() throws Exception {
        return BenchFolders.inFreshFolder(dir, "kds", this::measure);
    }

    private int measure(Path runDir) throws Exception {
        BenchLogging.quiet();
        try (Box box = Box.start(new BoxConfig("127.0.0.1", 0, runDir.resolve("box")))) {
            BenchTill till = BenchTill.open(box);
            // A box that has rung nothing yet runs cold: sales at a third of their pace, screens waiting on them.
            BenchSales.ring(box, till, WARM_UP_SALES, clients);
            Map<Long, Long> onDisk = new ConcurrentHashMap<>();
            Map<Long, String> types = new ConcurrentHashMap<>();
            box.database().writer().onCommitted(entries -> {
                long now = System.nanoTime();
                for (LedgerEntry entry : entries) {
                    onDisk.put(entry.seq(), now);
                    types.put(entry.seq(), entry.type());
                }
            });
            List<ScreenClient> connected = new ArrayList<>();
            try {
                for (int i = 0; i < screens; i++) {
                    connected.add(ScreenClient.connect(box.port(), "token=" + till.token() + "&stations=bar"));
                }
                Latencies quiet = notices(box, connected, NOTICES);
                long firstSeq = box.database().writer().head().seq() + 1;
                Latencies[] busy = new Latencies[1];
                Thread duringSales = Thread.ofPlatform().name("bench-notices").start(() -> busy[0] = noticesQuietly(box, connected));
                HttpSalesLoad.Result sales = new HttpSalesLoad(box.port(), till).run(clients, Duration.ofSeconds(1), Duration.ofSeconds(5));
                duringSales.join();
                long lastSeq = box.database().writer().head().seq();
                Thread.sleep(500);
                Latencies toScreens = new Latencies();
                long missing = 0;
                for (long seq = firstSeq; seq <= lastSeq; seq++) {
                    if (!"order.created".equals(types.get(seq))) {
                        continue;
                    }
                    for (ScreenClient screen : connected) {
                        Long arrived = screen.entryArrival(seq);
                        if (arrived == null) {
                            missing++;
                        } else {
                            toScreens.add(arrived - onDisk.get(seq));
                        }
                    }
                }
                print(quiet, busy[0], toScreens, sales, missing);
            } finally {
                connected.forEach(ScreenClient::close);
            }
        }
        return 0;
    }

    /** Notices while the sales run (the load's warm-up second included, its last second left out). */
    private static Latencies noticesQuietly(Box box, List<ScreenClient> connected) {
        try {
            return notices(box, connected, NOTICES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Latencies();
        }
    }

    /** The hub's own figure: a notice to every screen, one after another, with no sale behind it. */
    private static Latencies notices(Box box, List<ScreenClient> connected, int count) throws InterruptedException {
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            String mark = "m" + System.nanoTime() + "-" + i;
            long sent = System.nanoTime();
            box.live().notice("bench.mark", Map.of("mark", mark), Permission.WATCH_LIVE_UPDATES);
            long deadline = sent + 2_000_000_000L;
            for (ScreenClient screen : connected) {
                Long arrived;
                while ((arrived = screen.noticeArrival(mark)) == null && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                if (arrived != null && i >= count / 10) {
                    latencies.add(arrived - sent);
                }
            }
            Thread.sleep(10);
        }
        return latencies;
    }

    private void print(Latencies quiet, Latencies baseline, Latencies toScreens, HttpSalesLoad.Result sales, long missing) {
        System.out.printf("backroom bench kds: %d kitchen screens on the live feed, %d tablets ringing sales%n%n", screens, clients);
        System.out.println("to every screen                                            deliveries   p50 ms   p99 ms");
        System.out.printf("  a notice from the hub, no sale behind it, no sales running %,9d %8.2f %8.2f%n", quiet.count(),
                quiet.percentileMillis(50), quiet.percentileMillis(99));
        System.out.printf("  baseline: the same notice while the sales run              %,9d %8.2f %8.2f%n", baseline.count(),
                baseline.percentileMillis(50), baseline.percentileMillis(99));
        System.out.printf("  a sale's kitchen order, from on disk to the screen        %,10d %8.2f %8.2f   (%d missing)%n",
                toScreens.count(), toScreens.percentileMillis(50), toScreens.percentileMillis(99), missing);
        System.out.printf("%nthe sales meanwhile: %,.0f/s, p50 %.2f ms, p99 %.2f ms (request sent to 201, on disk)%n",
                sales.salesPerSecond(), sales.p50Millis(), sales.p99Millis());
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("screens", screens);
            figures.put("clients", clients);
            figures.put("quietNoticeP50Millis", quiet.percentileMillis(50));
            figures.put("quietNoticeP99Millis", quiet.percentileMillis(99));
            figures.put("baselineP50Millis", baseline.percentileMillis(50));
            figures.put("baselineP99Millis", baseline.percentileMillis(99));
            figures.put("orderDeliveries", toScreens.count());
            figures.put("orderP50Millis", toScreens.percentileMillis(50));
            figures.put("orderP99Millis", toScreens.percentileMillis(99));
            figures.put("missing", missing);
            figures.put("salesPerSecond", Math.round(sales.salesPerSecond()));
            figures.put("saleP99Millis", sales.p99Millis());
            System.out.println(Json.write(figures));
        }
    }
}
