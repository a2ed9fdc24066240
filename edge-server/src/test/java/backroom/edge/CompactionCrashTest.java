package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerCompaction;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.testing.Api;
import backroom.edge.testing.ChildBox;
import backroom.edge.testing.SalesRound;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 the real server at random moments while it compacts its ledger file, several times, the
 * same files reopened each time: every sale answered 201 before a kill is there with its receipt
 * number, nothing twice, the chain verifies and every table agrees with the ledger (the check
 * {@code backroom verify-ledger} runs). Here the box compacts after 1 s without a write
 * ({@code BACKROOM_COMPACT_AFTER_QUIET_SECONDS}); a run sets H2's retention time to 0 itself, so it
 * gets to its chunk moves within a second or so. A power cut is {@code CompactionPowerCutTest}'s.
 */
class CompactionCrashTest {

    static final int KILLS = 4;
    static final int SALES_EACH_TIME = 150;
    static final int TABLETS = 8;
    /** No printers: their jobs' writes would keep the store from being quiet for a while after each burst. */
    static final Map<String, String> QUIET_AFTER_1_S = Map.of("BACKROOM_COMPACT_AFTER_QUIET_SECONDS", "1", "BACKROOM_HARDWARE", "none");

    @TempDir
    Path data;

    @Test
    void killDashNineMidCompactionLosesNoAnsweredSaleAndLeavesTheLedgerWhole() throws Exception {
        Random random = new Random(18);
        Map<String, String> answered = new ConcurrentHashMap<>();
        String shift;
        try (ChildBox first = ChildBox.start(data, 0, QUIET_AFTER_1_S)) {
            shift = first.api().openShift("r1");
            assertThat(first.stop()).isTrue();
        }

        int killedMidRun = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            try (ChildBox box = ChildBox.start(data, 0, QUIET_AFTER_1_S)) {
                SalesRound.ring(box.api(), shift, "round-" + kill, SALES_EACH_TIME, TABLETS, answered);
                long runsBefore = runsStarted(box);
                awaitOutput(box, () -> runsStarted(box) > runsBefore);
                // Anywhere in the run (about a second here): rewriting live pages, waiting out the retention time, moving chunks.
                Thread.sleep(random.nextInt(1_000));
                boolean runEnded = box.output().lines().skip(linesUpToLastStart(box))
                        .anyMatch(line -> line.contains(LedgerCompaction.COMPACTED));
                box.kill();
                killedMidRun += runEnded ? 0 : 1;
            }
            OfflineCheck.Result check = OfflineCheck.run(data, Box.tableAudits());
            assertThat(check.intact()).as("after kill %d: %s %s", kill, check.audit().problem(), check.verifiedPointProblems()).isTrue();
            assertThat(storedReceiptNumbers()).as("after kill %d", kill).containsAllEntriesOf(answered);
        }
        assertThat(killedMidRun).as("kills that came before the run's end").isPositive();

        try (ChildBox last = ChildBox.start(data, 0, QUIET_AFTER_1_S)) {
            SalesRound.ring(last.api(), shift, "after", 20, TABLETS, answered);
            assertThat(last.stop()).isTrue();
        }
        Map<String, String> stored = storedReceiptNumbers();
        assertThat(stored).isEqualTo(answered);
        assertThat(stored.values().stream().map(number -> Long.parseLong(number.substring(number.indexOf('-') + 1))).sorted().toList())
                .isEqualTo(LongStream.rangeClosed(1, stored.size()).boxed().toList());
        OfflineCheck.Result check = OfflineCheck.run(data, Box.tableAudits());
        assertThat(check.intact()).as("%s %s", check.audit().problem(), check.verifiedPointProblems()).isTrue();
    }

    private static long runsStarted(ChildBox box) {
        return box.output().lines().filter(line -> line.contains(LedgerCompaction.STARTED)).count();
    }

    private static long linesUpToLastStart(ChildBox box) {
        List<String> lines = box.output().lines().toList();
        return IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(LedgerCompaction.STARTED)).max().orElse(0);
    }

    private static void awaitOutput(ChildBox box, BooleanSupplier said) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!said.getAsBoolean()) {
            assertThat(Instant.now()).as("no compaction started within 30 s of quiet:%n%s", box.output()).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private Map<String, String> storedReceiptNumbers() {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(data), "sa", "")) {
            return SalesRound.storedReceiptNumbers(handle);
        }
    }
}
