package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger written in thousands of small groups, as a busy till writes it, is packed by the
 * compaction to at most twice the data it holds, and holds every entry, chained, afterwards. H2's
 * retention time is cut to a second here (45 s in the box), so the dead chunks free up quickly.
 */
class LedgerCompactionTest {

    static final int ENTRIES = 6_000;

    @TempDir
    Path dir;

    @TempDir
    Path scratch;

    @Test
    void compactionPacksTheFileToAtMostTwiceItsDataAndKeepsEveryEntry() throws Exception {
        Path file = dir.resolve(LedgerDatabase.FILE_NAME + ".mv.db");
        LedgerCompaction.Report report;
        long packed;
        try (LedgerDatabase db = LedgerDatabase.open(LedgerDatabase.urlFor(dir) + ";RETENTION_TIME=1000", Clock.systemUTC(),
                DiskSync.CHECKPOINT_SYNC)) {
            writeInSmallGroups(db.writer());
            long written = Files.size(file);
            assertThat(written).as("the file before compaction").isGreaterThan(3 * LedgerCompaction.dataBytes(file, scratch));

            // The box compacts after 60 s of quiet, past H2's 45 s retention; here the last chunks
            // written must likewise be older than the retention (1 s) before H2 lets them go.
            Thread.sleep(2_000);
            report = LedgerCompaction.compactNow(db.writer(), () -> true);
            packed = Files.size(file);

            assertThat(report.finished()).isTrue();
            assertThat(report.bytesBefore()).isEqualTo(written);
            assertThat(report.bytesAfter()).isEqualTo(packed);
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

    /** Eight callers at once, each entry a sale's size: the writer makes groups of a few entries each. */
    private static void writeInSmallGroups(LedgerWriter writer) throws Exception {
        String lines = "coffee-latte large x2 extra-shot ".repeat(12);
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<Long>> seqs = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                int n = i;
                seqs.add(callers.submit(() -> writer.submit((handle, ledger) -> ledger.append("test.sale", Map.of("n", n, "lines", lines)))));
            }
            for (Future<Long> seq : seqs) {
                seq.get();
            }
        }
    }
}
