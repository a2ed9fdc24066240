package backroom.edge.bench;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.ChainVerifier;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.ledger.Sha256;
import backroom.edge.web.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom bench verify}: how fast {@code verify-ledger} walks a ledger of 100,000 real sales
 * (the chain alone, and the chain with every table held to it), beside a plain scan of the same
 * rows and plain SHA-256 of the same bytes; and the box's start-up time with an empty ledger and
 * with the large one: start-up verifies only the entries from the last verified point, so what
 * differs is H2's own work on a larger file.
 */
@Command(name = "verify", description = "verify-ledger entries/s and start-up time at 0 and 100,000 entries.")
final class VerifyBench implements Callable<Integer> {

    private static final int SALES = 100_000;
    private static final int TABLETS = 8;

    @Option(names = "--json", description = "Also print every figure as one JSON object on the last line.")
    private boolean json;

    @Option(names = "--dir", description = "Folder for the bench databases (default ./data/bench).")
    private Path dir = Path.of("data", "bench");

    @Override
    public Integer call() throws Exception {
        return BenchFolders.inFreshFolder(dir, "verify", this::measure);
    }

    private int measure(Path runDir) throws Exception {
        BenchLogging.quiet();
        Path empty = runDir.resolve("empty");
        Path large = runDir.resolve("large");
        LedgerDatabase.open(empty, Clock.systemUTC()).close();
        long entries = fill(large);
        System.out.printf("backroom bench verify: a ledger of %,d entries in %s%n%n", entries, large.toAbsolutePath());

        scan(large);
        long scanStart = System.nanoTime();
        long scanned = scan(large);
        double scanPerSecond = scanned / seconds(scanStart);
        double hashPerSecond = hashesPerSecond(large);
        long chainStart = System.nanoTime();
        ChainVerdict verdict = verify(large);
        double chainPerSecond = verdict.entriesChecked() / seconds(chainStart);
        if (!verdict.intact()) {
            throw new IllegalStateException("the bench ledger does not verify: " + verdict.problem());
        }
        long verifyStart = System.nanoTime();
        OfflineCheck.Result whole = OfflineCheck.run(large, Box.tableAudits());
        double verifyPerSecond = whole.audit().chain().entriesChecked() / seconds(verifyStart);
        if (!whole.intact()) {
            throw new IllegalStateException("the bench ledger does not verify: " + whole);
        }
        System.out.println("verify-ledger over the whole ledger                     entries/s");
        System.out.printf("  baseline: plain scan of the rows, no hashing          %,10.0f%n", scanPerSecond);
        System.out.printf("  baseline: SHA-256 of the same bytes, no database      %,10.0f%n", hashPerSecond);
        System.out.printf("  the hash chain alone (scan + hash + chain checks)     %,10.0f%n", chainPerSecond);
        System.out.printf("  verify-ledger (chain + every table held to it)        %,10.0f%n%n", verifyPerSecond);

        medianStartMillis(large);
        double startEmpty = medianStartMillis(empty);
        double startLarge = medianStartMillis(large);
        System.out.println("start-up to serving HTTP (median of 5 after a warm-up, clean stops)  ms");
        System.out.printf("  ledger of 0 entries                                   %8.1f%n", startEmpty);
        System.out.printf("  ledger of %,d entries                            %8.1f%n", entries, startLarge);

        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("entries", entries);
            figures.put("scanRowsPerSecond", Math.round(scanPerSecond));
            figures.put("sha256PerSecond", Math.round(hashPerSecond));
            figures.put("chainEntriesPerSecond", Math.round(chainPerSecond));
            figures.put("verifyEntriesPerSecond", Math.round(verifyPerSecond));
            figures.put("startupMillisEmpty", Math.round(startEmpty * 10) / 10.0);
            figures.put("startupMillisLarge", Math.round(startLarge * 10) / 10.0);
            System.out.println(Json.write(figures));
        }
        return 0;
    }

    /**
     * Rings 100,000 worked-example sales through the box's API, eight tablets at once, so the
     * ledger's entries and the tables they wrote are a real store's, for verify-ledger to hold to
     * each other.
     */
    private static long fill(Path dataDir) throws Exception {
        try (Box box = Box.start(new BoxConfig("127.0.0.1", 0, dataDir))) {
            BenchSales.ring(box, BenchTill.open(box), SALES, TABLETS);
            return box.database().writer().head().seq();
        }
    }

    private static long scan(Path dataDir) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            return handle.createQuery("SELECT seq, type, occurred_at, payload, prev_hash, hash FROM ledger ORDER BY seq")
                    .setFetchSize(1_000)
                    .map((rs, ctx) -> rs.getString("payload").length() + rs.getString("hash").length())
                    .stream().count();
        }
    }

    /** Chained SHA-256 over the payloads, read into memory first so only the hashing is timed. */
    private static double hashesPerSecond(Path dataDir) {
        List<String> payloads;
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            payloads = handle.createQuery("SELECT payload FROM ledger ORDER BY seq").mapTo(String.class).list();
        }
        long start = System.nanoTime();
        String previous = "0".repeat(64);
        for (int seq = 1; seq <= payloads.size(); seq++) {
            previous = Sha256.hex(previous + "\n" + seq + "\nsale.completed\n1764000000000\n" + payloads.get(seq - 1));
        }
        return payloads.size() / seconds(start);
    }

    private static ChainVerdict verify(Path dataDir) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            return ChainVerifier.verifyAll(handle);
        }
    }

    private static double medianStartMillis(Path dataDir) {
        double[] millis = new double[5];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            Box box = Box.start(new BoxConfig("127.0.0.1", 0, dataDir));
            millis[i] = (System.nanoTime() - start) / 1e6;
            box.close();
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
