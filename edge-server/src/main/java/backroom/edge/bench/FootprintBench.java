package backroom.edge.bench;

import backroom.edge.ledger.LedgerCompaction;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.web.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom bench footprint}: the real box as a child process, started with the unit's JVM
 * flags ({@code BACKROOM_JAVA_OPTS} in {@code install/backroom.service}) and the heap the launcher
 * gives this machine, and a 2 GB Pi, under them (none, where the unit sizes the heap itself):
 * resident memory idle and after 10,000 sales rung over HTTP, time from the process's start to {@code /observe/health/ready} answering 200 with an empty ledger
 * and with 100,000 entries, bytes written to disk per sale, and the ledger file's size as it fills
 * to 100,000 entries in rounds of sales, each followed by a quiet spell in which the box compacts
 * it (how long that takes, and the file against the data it holds). Beside each: the smallest
 * Helidon server started the same way, the bytes of the sale's own entries, the data.
 */
@Command(name = "footprint", description = "Resident memory, time to ready, bytes written per sale, ledger file against its data.")
final class FootprintBench implements Callable<Integer> {

    private static final int TABLETS = 8;
    /** A 2 GB Raspberry Pi 4 reports about 1.9 GB of MemTotal: the launcher gives it a heap of about 470 MiB. */
    private static final long PI_2GB_MEMTOTAL_KB = 1_924_000;
    private static final Path UNIT = Path.of("install", "backroom.service");
    private static final String UNIT_CACHE = "/var/cache/backroom/";
    private static final String ARCHIVE = "backroom.jsa";
    private static final String PIN = "1234";
    private static final String ANY_MACHINE = "any machine";
    private static final Pattern PAIRING_CODE = Pattern.compile("Pairing code: ([0-9]{6})");
    /** The quiet time the box filling the large ledger compacts after; the unit's box waits {@link LedgerCompaction#QUIET}. */
    private static final Duration FILL_QUIET = Duration.ofSeconds(5);
    private static final Duration COMPACTION_SILENCE = Duration.ofMinutes(5);

    @Option(names = "--json", description = "Also print every figure as one JSON object on the last line.")
    private boolean json;

    @Option(names = "--sales", description = "Sales rung before resident memory is read again (default ${DEFAULT-VALUE}).", defaultValue = "10000")
    private int sales;

    @Option(names = "--entries", description = "Entries in the large ledger (default ${DEFAULT-VALUE}).", defaultValue = "100000")
    private long entries;

    @Option(names = "--round", description = "Sales rung between two quiet spells while the large ledger fills (default ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    private int round;

    @Option(names = "--java-opts",
            description = "Try these JVM options instead of the launcher's heap and the unit's flags (one box, memory only).")
    private String javaOpts;

    @Option(names = "--keep-ledger", description = "Copy the large ledger's data folder here at the end, to try it further by hand.")
    private Path keepLedger;

    @Option(names = "--dir", description = "Folder for the bench databases (default ./data/bench).")
    private Path dir = Path.of("data", "bench");

    @Override
    public Integer call() throws Exception {
        return BenchFolders.inFreshFolder(dir, "footprint", this::measure);
    }

    private int measure(Path runDir) throws Exception {
        Files.createDirectories(runDir);
        if (javaOpts != null) {
            return tryOptions(runDir, List.of(javaOpts.strip().split("\\s+")));
        }
        List<String> unit = unitJavaOpts(runDir);
        Map<String, List<String>> heaps = new LinkedHashMap<>();
        heaps.put("this machine", heapOpts("", unit));
        heaps.put("a 2 GB Pi", heapOpts(Long.toString(PI_2GB_MEMTOTAL_KB), unit));
        if (heaps.get("this machine").equals(heaps.get("a 2 GB Pi"))) {
            // The unit's flags size the heap themselves, so the launcher adds none: one machine is any.
            heaps = Map.of(ANY_MACHINE, heaps.get("this machine"));
        }
        System.out.printf("backroom bench footprint: Java %s, %d cores, unit flags %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), String.join(" ", unit));
        heaps.forEach((machine, heap) -> System.out.printf("  heap for %s: %s%n", machine,
                heap.isEmpty() ? "the unit's flags size it" : String.join(" ", heap)));
        System.out.println();

        Map<String, Object> figures = new LinkedHashMap<>();
        System.out.println("resident memory (VmRSS) and time to ready        ready ms   idle MB   after sales MB");
        BoxRun here = null;
        for (Map.Entry<String, List<String>> heap : heaps.entrySet()) {
            List<String> flags = flags(heap.getValue(), unit);
            Baseline baseline = baseline(runDir, flags);
            Duration warmUp = warmUp(runDir, flags);
            BoxRun box = ringNewBox(runDir.resolve("box-" + figures.size()), flags);
            here = here == null ? box : here;
            System.out.printf("  %-45s %8.0f %9.1f%n", "baseline: minimal Helidon server, " + heap.getKey(), millis(baseline.ready()),
                    mb(baseline.idleRss()));
            System.out.printf("  %-45s %8.0f   (the unit runs it before a first start; it writes the class-data archive)%n",
                    "backroom warm-up, " + heap.getKey(), millis(warmUp));
            System.out.printf("  %-45s %8.0f %9.1f %16.1f%n", "box, " + heap.getKey() + ", " + String.format("%,d", sales) + " sales",
                    millis(box.ready()), mb(box.idleRss()), mb(box.afterRss()));
            String key = switch (heap.getKey()) {
                case "this machine" -> "here";
                case ANY_MACHINE -> "unit";
                default -> "pi2gb";
            };
            figures.put(key + "HeapOpts", String.join(" ", heap.getValue()));
            figures.put(key + "BaselineReadyMillis", Math.round(millis(baseline.ready())));
            figures.put(key + "BaselineRssMiB", round1(mb(baseline.idleRss())));
            figures.put(key + "WarmUpMillis", Math.round(millis(warmUp)));
            figures.put(key + "ReadyMillisNewBox", Math.round(millis(box.ready())));
            figures.put(key + "IdleRssMiB", round1(mb(box.idleRss())));
            figures.put(key + "AfterSalesRssMiB", round1(mb(box.afterRss())));
        }

        Path large = here.dataDir();
        List<String> flags = flags(heaps.getOrDefault("this machine", heaps.get(ANY_MACHINE)), unit);
        double readyEmpty = medianReadyMillis(runDir, flags, null);
        Ledger ledger = fillAndCompact(here, flags);
        double readyLarge = medianReadyMillis(runDir, flags, large);
        if (keepLedger != null) {
            copyFolder(large, keepLedger);
        }
        long data = LedgerCompaction.dataBytes(large.resolve(LedgerDatabase.FILE_NAME + ".mv.db"), runDir);
        double entryBytes = entryBytesPerSale(large, ledger.entries(), ledger.sales());

        System.out.printf("%ntime to ready (median of 3 starts)               ms%n");
        System.out.printf("  ledger of 0 sales (a new box)               %8.0f%n", readyEmpty);
        System.out.printf("  ledger of %,d entries                  %8.0f%n", ledger.entries(), readyLarge);
        System.out.printf("%nbytes written to disk per sale (/proc/PID/io write_bytes over %,d sales)%n", sales);
        System.out.printf("  baseline: the sale's ledger entries (payload, hashes, type, seq, time)   %,8.0f%n", entryBytes);
        System.out.printf("  baseline: the data a sale adds (compacted copy / sales)                  %,8.0f%n", (double) data / ledger.sales());
        System.out.printf("  the box                                                                  %,8.0f   (x%.1f the data)%n",
                here.bytesPerSale(), here.bytesPerSale() / ((double) data / ledger.sales()));
        System.out.printf("%nthe ledger file, rounds of up to %,d sales, each followed by %d s quiet"
                + "    MB before   MB after   x data at the end%n", round, FILL_QUIET.toSeconds());
        for (Round r : ledger.rounds()) {
            System.out.printf("  %,8d entries (%,7d sales)                              %9.1f %10.1f %8.2f   (%s)%n",
                    r.entries(), r.sales(), mb(r.before()), mb(r.compaction().after()), (double) r.compaction().after() / data,
                    r.compaction().report());
        }
        System.out.printf("  baseline: the data it holds at the end (compacted copy)       %9.1f%n", mb(data));
        List<Map<String, Object>> roundFigures = new ArrayList<>();
        for (Round r : ledger.rounds()) {
            roundFigures.add(Map.of("entries", r.entries(), "fileBytesBefore", r.before(), "fileBytesAfter", r.compaction().after(),
                    "compaction", r.compaction().report()));
        }
        figures.put("compactionRounds", roundFigures);

        figures.put("readyMillisEmpty", Math.round(readyEmpty));
        figures.put("readyMillisLarge", Math.round(readyLarge));
        figures.put("largeEntries", ledger.entries());
        figures.put("bytesWrittenPerSale", Math.round(here.bytesPerSale()));
        figures.put("entryBytesPerSale", Math.round(entryBytes));
        figures.put("dataBytesPerSale", Math.round((double) data / ledger.sales()));
        figures.put("ledgerDataBytes", data);
        figures.put("ledgerFileBytesBeforeCompaction", ledger.last().before());
        figures.put("ledgerFileBytesAfterCompaction", ledger.last().compaction().after());
        if (json) {
            System.out.println(Json.write(figures));
        }
        return 0;
    }

    /**
     * One new box with {@code flags}: time to ready, resident memory idle and after the sales, then
     * sales/s and p99 at {@link #TABLETS} clients for 5 s (after 2 s of warm-up), the box in its own process.
     */
    private int tryOptions(Path runDir, List<String> flags) throws Exception {
        Path dataDir = runDir.resolve("box");
        try (BoxProcess box = startBox(dataDir, flags)) {
            Duration ready = box.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(2_000);
            long idle = box.residentBytes();
            BenchTill till = BenchTill.open(box.port(), pairingCode(dataDir), PIN);
            BenchSales.ring(box.port(), till, sales, TABLETS);
            long after = box.residentBytes();
            HttpSalesLoad.Result load = new HttpSalesLoad(box.port(), till).run(TABLETS, Duration.ofSeconds(2), Duration.ofSeconds(5));
            long afterLoad = box.residentBytes();
            box.stop();
            System.out.printf("%s: ready %.0f ms, idle %.1f MB, after %,d sales %.1f MB; %d clients: %.0f sales/s, p99 %.2f ms, "
                    + "then %.1f MB%n", String.join(" ", flags), millis(ready), mb(idle), sales, mb(after), TABLETS, load.salesPerSecond(),
                    load.p99Millis(), mb(afterLoad));
        }
        return 0;
    }

    /** A new box: time to ready, memory once it has settled, then after {@link #sales} sales, and the bytes they wrote. */
    private BoxRun ringNewBox(Path dataDir, List<String> flags) throws Exception {
        try (BoxProcess box = startBox(dataDir, flags)) {
            Duration ready = box.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(2_000);
            long idle = box.residentBytes();
            BenchTill till = BenchTill.open(box.port(), pairingCode(dataDir), PIN);
            long written = box.writtenBytes();
            BenchSales.ring(box.port(), till, sales, TABLETS);
            double perSale = (double) (box.writtenBytes() - written) / sales;
            long after = box.residentBytes();
            box.stop();
            return new BoxRun(dataDir, ready, idle, after, perSale, till);
        }
    }

    /**
     * Rings the box in {@code dataDir} up to {@link #entries} entries in rounds of {@link #round}
     * sales, each followed by a quiet spell in which the box compacts its file, as a store's day
     * has its quiet minutes: the file's size after each round, before and after the compaction.
     */
    private Ledger fillAndCompact(BoxRun rung10k, List<String> flags) throws Exception {
        Path dataDir = rung10k.dataDir();
        Path file = dataDir.resolve(LedgerDatabase.FILE_NAME + ".mv.db");
        List<Round> rounds = new ArrayList<>();
        Map<String, String> quickToCompact = Map.of("BACKROOM_COMPACT_AFTER_QUIET_SECONDS", Long.toString(FILL_QUIET.toSeconds()));
        try (BoxProcess box = startBox(dataDir, flags, quickToCompact)) {
            box.awaitReady(Duration.ofSeconds(120));
            BenchTill till = rung10k.till().again(box.port(), newPairingCode(dataDir), PIN);
            long rung = sales;
            long head = headSeq(box.port(), till.token());
            long perSale = Math.max(1, head / sales);
            rounds.add(new Round(head, rung, Files.size(file), awaitCompaction(box, file, 0)));
            while (head < entries) {
                int more = (int) Math.min(round, Math.max(1, (entries - head) / perSale));
                BenchSales.ring(box.port(), till, more, TABLETS);
                rung += more;
                head = headSeq(box.port(), till.token());
                rounds.add(new Round(head, rung, Files.size(file), awaitCompaction(box, file, rounds.size())));
            }
            box.stop();
        }
        return new Ledger(rounds);
    }

    /**
     * Waits for the box's {@code finished}-th compaction run to finish and says what it did. It
     * logs a run's start and its progress every 30 s; a box that says nothing for
     * {@link #COMPACTION_SILENCE} (and whose file does not change) has stopped compacting.
     */
    private static Compaction awaitCompaction(BoxProcess box, Path file, int finished) throws Exception {
        long quietSince = System.nanoTime();
        String said = box.output();
        long size = Files.size(file);
        while (true) {
            List<String> runs = said.lines().filter(line -> line.contains(LedgerCompaction.COMPACTED)
                    && !line.contains("stopped for a write")).toList();
            if (runs.size() > finished) {
                String report = runs.get(finished);
                return new Compaction(Files.size(file), report.substring(report.indexOf(LedgerCompaction.COMPACTED)
                        + LedgerCompaction.COMPACTED.length() + 2));
            }
            if (System.nanoTime() - quietSince > COMPACTION_SILENCE.toNanos()) {
                throw new IllegalStateException("the box said nothing of its compaction for " + COMPACTION_SILENCE + "; see its log");
            }
            Thread.sleep(1_000);
            String now = box.output();
            long sizeNow = Files.size(file);
            if (!now.equals(said) || sizeNow != size) {
                quietSince = System.nanoTime();
            }
            said = now;
            size = sizeNow;
        }
    }

    private double medianReadyMillis(Path runDir, List<String> flags, Path dataDir) throws Exception {
        double[] millis = new double[3];
        for (int i = 0; i < millis.length; i++) {
            Path folder = dataDir != null ? dataDir : runDir.resolve("new-" + i);
            try (BoxProcess box = startBox(folder, flags)) {
                millis[i] = millis(box.awaitReady(Duration.ofSeconds(120)));
                box.stop();
            }
        }
        Arrays.sort(millis);
        return millis[1];
    }

    /** The minimal server, with the box's flags; a class-data archive of its own, so the box's is made of the box's classes. */
    private static Baseline baseline(Path runDir, List<String> boxFlags) throws Exception {
        List<String> flags = boxFlags.stream().map(flag -> flag.replace("/" + ARCHIVE, "/baseline-" + ARCHIVE)).toList();
        try (BoxProcess server = BoxProcess.start(flags, BaselineServer.class.getName(), List.of("{port}"), Map.of(),
                runDir.resolve("baseline.log"))) {
            Duration ready = server.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(2_000);
            return new Baseline(ready, server.residentBytes());
        }
    }

    private static BoxProcess startBox(Path dataDir, List<String> flags) throws IOException {
        return startBox(dataDir, flags, Map.of());
    }

    private static BoxProcess startBox(Path dataDir, List<String> flags, Map<String, String> more) throws IOException {
        Files.createDirectories(dataDir);
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "BACKROOM_HTTP_HOST", "127.0.0.1",
                "BACKROOM_HTTP_PORT", "{port}",
                "BACKROOM_DATA_DIR", dataDir.toAbsolutePath().toString(),
                "BACKROOM_BOOTSTRAP_PIN", PIN));
        environment.putAll(more);
        return BoxProcess.start(flags, "backroom.edge.cli.BackroomCommand", List.of("run"), environment,
                dataDir.resolveSibling(dataDir.getFileName() + ".log"));
    }

    /** The first pairing code a new box without a terminal leaves in its data folder. */
    private static String pairingCode(Path dataDir) throws IOException {
        Matcher code = PAIRING_CODE.matcher(Files.readString(dataDir.resolve("first-start.txt")));
        if (!code.find()) {
            throw new IllegalStateException("no pairing code in " + dataDir.resolve("first-start.txt"));
        }
        return code.group(1);
    }

    /**
     * {@code backroom warm-up} with the box's flags, as the unit runs it before a box's first start:
     * the JVM writes the class-data archive as it exits, so the first box starts from it. Its time
     * from start to exit.
     */
    private static Duration warmUp(Path runDir, List<String> flags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "backroom.edge.cli.BackroomCommand", "warm-up"));
        Path log = runDir.resolve("warm-up.log");
        long started = System.nanoTime();
        Process warmUp = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!warmUp.waitFor(120, TimeUnit.SECONDS) || warmUp.exitValue() != 0) {
            warmUp.destroyForcibly();
            throw new IllegalStateException("backroom warm-up failed; it said: " + Files.readString(log));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A fresh pairing code from {@code backroom pairing-code}, for a box that was started before. */
    private static String newPairingCode(Path dataDir) throws Exception {
        Process command = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "backroom.edge.cli.BackroomCommand", "pairing-code", "--data", dataDir.toString())
                .redirectErrorStream(true).start();
        String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        command.waitFor();
        Matcher code = PAIRING_CODE.matcher(output);
        if (!code.find()) {
            throw new IllegalStateException("backroom pairing-code said: " + output);
        }
        return code.group(1);
    }

    private static long headSeq(int port, String token) throws IOException, InterruptedException {
        HttpResponse<String> relay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/relay"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(relay.body()).path("headSeq").asLong();
    }

    /** What the ledger's entries themselves hold per sale: payload, both hashes, type, and 16 bytes for seq and time. */
    private static double entryBytesPerSale(Path dataDir, long entries, long sales) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            long bytes = handle.createQuery("SELECT SUM(OCTET_LENGTH(payload) + OCTET_LENGTH(hash) + OCTET_LENGTH(prev_hash) "
                    + "+ OCTET_LENGTH(type) + 16) FROM ledger").mapTo(Long.class).one();
            return (double) bytes / entries * entries / sales;
        }
    }

    /**
     * {@code BACKROOM_JAVA_OPTS} as the unit sets it, its class-data archive in {@code runDir}
     * (the unit's cache folder is the service's own).
     */
    private static List<String> unitJavaOpts(Path runDir) throws IOException {
        return Files.readAllLines(UNIT).stream().map(line -> line.replace("\"", ""))
                .filter(line -> line.startsWith("Environment=BACKROOM_JAVA_OPTS="))
                .map(line -> line.substring("Environment=BACKROOM_JAVA_OPTS=".length()).strip())
                .flatMap(opts -> Arrays.stream(opts.split("\\s+")))
                .map(flag -> flag.replace(UNIT_CACHE, runDir.toAbsolutePath() + "/"))
                .toList();
    }

    /**
     * The heap options the launcher's box_memory_opts gives a machine of {@code memTotalKb} (empty:
     * this one) under the unit's flags: none where those size the heap themselves.
     */
    private static List<String> heapOpts(String memTotalKb, List<String> unit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./backroom", "heap-opts"));
        if (!memTotalKb.isEmpty()) {
            command.add(memTotalKb);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BACKROOM_JAVA_OPTS", String.join(" ", unit));
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (launcher.waitFor() != 0) {
            throw new IllegalStateException("./backroom heap-opts said: " + output);
        }
        return output.isEmpty() ? List.of() : List.of(output.split("\\s+"));
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static List<String> flags(List<String> heap, List<String> unit) {
        List<String> flags = new ArrayList<>(heap);
        flags.addAll(unit);
        return flags;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private record Baseline(Duration ready, long idleRss) {
    }

    private record BoxRun(Path dataDir, Duration ready, long idleRss, long afterRss, double bytesPerSale, BenchTill till) {
    }

    /** The ledger after a round of sales: its size then, and what the compaction in the quiet spell after it did. */
    private record Round(long entries, long sales, long before, Compaction compaction) {
    }

    private record Compaction(long after, String report) {
    }

    private record Ledger(List<Round> rounds) {

        Round last() {
            return rounds.getLast();
        }

        long entries() {
            return last().entries();
        }

        long sales() {
            return last().sales();
        }
    }
}
