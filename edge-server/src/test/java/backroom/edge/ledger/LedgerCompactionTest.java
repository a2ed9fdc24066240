package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.RecordedLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger written in thousands of small groups, as a busy till writes it, is packed by the
 * compaction to at most twice the data it holds, and holds every entry, chained, afterwards; the
 * run says what it does in the log and in its report. The run starts right after the last write:
 * with H2's retention time (45 s) left in place it could touch none of the chunks; it sets it to 0
 * while it goes on, and back afterwards.
 */
class LedgerCompactionTest {

    static final int ENTRIES = 6_000;

    @TempDir
    Path dir;

    @TempDir
    Path scratch;

    @RegisterExtension
    final RecordedLogs logs = new RecordedLogs(Level.INFO);

    @Test
    void compactionPacksTheFileToAtMostTwiceItsDataAndKeepsEveryEntry() throws Exception {
        Path file = dir.resolve(LedgerDatabase.FILE_NAME + ".mv.db");
        LedgerCompaction.Report report;
        long packed;
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            int retention = db.writer().maintain(handle -> MvStores.under(handle).getRetentionTime());
            writeInSmallGroups(db.writer(), ENTRIES);
            long written = Files.size(file);
            assertThat(written).as("the file before compaction").isGreaterThan(3 * LedgerCompaction.dataBytes(file, scratch));

            long started = System.nanoTime();
            report = LedgerCompaction.compactNow(db.writer(), () -> true);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            packed = Files.size(file);

            assertThat(report.finished()).isTrue();
            int retentionAfter = db.writer().maintain(handle -> MvStores.under(handle).getRetentionTime());
            assertThat(retentionAfter).as("H2's retention time, back as it was").isEqualTo(retention).isPositive();
            assertThat(report.bytesBefore()).isEqualTo(written);
            assertThat(report.bytesAfter()).isEqualTo(packed);
            assertThat(report.steps()).as("rewriting steps, then the one that finds the file packed").isGreaterThan(1);
            assertThat(report.took()).isLessThanOrEqualTo(elapsed);
            assertThat(report.longestStep()).isPositive().isLessThanOrEqualTo(report.took());
            assertThat(said(LedgerCompaction.STARTED + ": " + String.format("%,d bytes, chunks ", written)))
                    .as("the first line of the run, once").hasSize(1);
            long progressLines = said(LedgerCompaction.STARTED + ": ").size() - 1;
            assertThat(progressLines).as("a progress line only once the run has gone on for %s", LedgerCompaction.PROGRESS_EVERY)
                    .isLessThanOrEqualTo(report.took().toSeconds() / LedgerCompaction.PROGRESS_EVERY.toSeconds());
            ChainVerdict verdict = db.verifyChain();
            assertThat(verdict.intact()).as(verdict.problem()).isTrue();
            assertThat(verdict.entriesChecked()).isEqualTo(ENTRIES);
            db.writer().submit((handle, ledger) -> ledger.append("test.after", Map.of("n", 0)));
        }
        long data = LedgerCompaction.dataBytes(file, scratch);
        assertThat(packed).as("packed file against its data, %s", report).isLessThanOrEqualTo(2 * data);
        try (LedgerDatabase again = LedgerDatabase.open(dir, Clock.systemUTC())) {
            ChainVerdict verdict = again.verifyChain();
            assertThat(verdict.intact()).as(verdict.problem()).isTrue();
            assertThat(verdict.entriesChecked()).isEqualTo(ENTRIES + 1);
        }
    }

    /**
     * Chunks that hold more live data than one rewrite step copies (1 MB) are rewritten too: here
     * each group of writes leaves a chunk of about 3.6 MB of which a third stays live, 1.2 MB. H2
     * takes only chunks that fit its write limit whole; with the limit fixed at 1 MB the run found
     * none of them to rewrite, and a 40,000-entry box's file stayed at 2.1x its data.
     */
    @Test
    void chunksWithMoreThanOneStepOfLiveDataArePackedToo() throws Exception {
        Path file = dir.resolve(LedgerDatabase.FILE_NAME + ".mv.db");
        String body = "x".repeat(4_000);
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            db.writer().maintain(handle -> handle.execute("CREATE TABLE scratch (id INT PRIMARY KEY, body VARCHAR(5000))"));
            for (int group = 0; group < 40; group++) {
                int first = group * 900;
                db.writer().maintain(handle -> handle.inTransaction(tx -> {
                    for (int id = first; id < first + 900; id++) {
                        tx.execute("INSERT INTO scratch VALUES (?, ?)", id, body);
                    }
                    return null;
                }));
            }
            // Runs of 30 rows (several whole pages) deleted, two runs of three: each chunk a third live.
            db.writer().maintain(handle -> handle.inTransaction(tx -> tx.execute("DELETE FROM scratch WHERE MOD(id / 30, 3) <> 0")));
            long written = Files.size(file);
            assertThat(written).as("the file before compaction").isGreaterThan(2 * LedgerCompaction.dataBytes(file, scratch));

            LedgerCompaction.Report report = LedgerCompaction.compactNow(db.writer(), () -> true);

            assertThat(report.finished()).as(report.toString()).isTrue();
            assertThat(report.chunksLive()).as(report.toString()).isGreaterThan(LedgerCompaction.REWRITE_AT_MOST_PERCENT);
            int rows = db.writer().maintain(handle -> handle.createQuery("SELECT COUNT(*) FROM scratch").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(40 * 300);
        }
        assertThat(Files.size(file)).as("the packed file against its data").isLessThanOrEqualTo(2 * LedgerCompaction.dataBytes(file, scratch));
    }

    /**
     * The watch starts a run by itself once the store was quiet long enough. The run is held in
     * its first line of log, between two steps, while the compaction is closed: close waits for
     * the run to stop, and the report of the stopped run is there when close returns.
     */
    @Test
    void aQuietStoreIsCompactedUnaskedAndCloseWaitsForTheRunItStops() throws Exception {
        Path file = dir.resolve(LedgerDatabase.FILE_NAME + ".mv.db");
        Logger compactionLog = Logger.getLogger(LedgerCompaction.class.getName());
        HeldAtFirstLine held = new HeldAtFirstLine();
        compactionLog.addHandler(held);
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            writeInSmallGroups(db.writer(), 2_000);
            long written = Files.size(file);
            LedgerCompaction compaction = LedgerCompaction.whenQuiet(db.writer(), Duration.ofMillis(1_500));

            assertThat(held.reached.await(15, TimeUnit.SECONDS)).as("a run began by itself").isTrue();
            assertThat(compaction.lastRun()).isEmpty();
            Caller<Void> closing = Caller.run(compaction::close).awaitParked();
            assertThat(closing.isWaiting()).as("close waits for the run").isTrue();
            held.release.countDown();
            closing.outcome();

            LedgerCompaction.Report stopped = compaction.lastRun().orElseThrow(() -> new AssertionError("no report once closed"));
            assertThat(stopped.finished()).isFalse();
            assertThat(stopped.steps()).isEqualTo(1);
            assertThat(stopped.bytesBefore()).isEqualTo(written);
            assertThat(said(LedgerCompaction.STARTED + ": " + String.format("%,d bytes, chunks ", written))).hasSize(1);
            assertThat(db.verifyChain().entriesChecked()).isEqualTo(2_000);
        } finally {
            held.release.countDown();
            compactionLog.removeHandler(held);
        }
    }

    /** Holds the thread that logs a run's first line until released, whatever interrupts it meanwhile. */
    private static final class HeldAtFirstLine extends Handler {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void publish(LogRecord logged) {
            if (!logged.getMessage().startsWith(LedgerCompaction.STARTED + ": ") || reached.getCount() == 0) {
                return;
            }
            reached.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private List<String> said(String prefix) {
        return logs.records().stream().map(LogRecord::getMessage).filter(message -> message.startsWith(prefix)).toList();
    }

    /** Eight callers at once, each entry a sale's size: the writer makes groups of a few entries each. */
    private static void writeInSmallGroups(LedgerWriter writer, int entries) throws Exception {
        String lines = "coffee-latte large x2 extra-shot ".repeat(12);
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<Long>> seqs = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                int n = i;
                seqs.add(callers.submit(() -> writer.submit((handle, ledger) -> ledger.append("test.sale", Map.of("n", n, "lines", lines)))));
            }
            for (Future<Long> seq : seqs) {
                seq.get();
            }
        }
    }
}
