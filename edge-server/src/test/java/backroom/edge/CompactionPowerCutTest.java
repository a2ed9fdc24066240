package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.DiskSync;
import backroom.edge.ledger.LedgerCompaction;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.testing.PowerCutBox;
import backroom.edge.testing.SalesRound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power fails in the middle of a compaction run: the ledger file sits on a simulated page
 * cache that loses every byte not forced to disk, and the cut comes as the run begins its n-th
 * write, truncate or force. A run over {@link #SALES} sales (a 7 MB file holding 1.1 MB of data)
 * made 21-22 of them in 4-5 steps: rewriting live pages into new chunks and committing, freeing
 * dead chunks, moving chunks and cutting the file short, each step forced, with H2's retention
 * time at 0 as the run sets it. Every other one of the first 19 is cut here. Afterwards the real
 * file opens as the box would open it: every answered sale is there with its receipt number,
 * nothing twice, the chain verifies and every table agrees with the ledger; and a new run packs
 * the file to at most twice its data.
 */
class CompactionPowerCutTest {

    static final int SALES = 300;
    static final int TABLETS = 8;

    @TempDir
    Path data;

    @TempDir
    Path scratch;

    @ParameterizedTest(name = "the cut at disk operation {0} of the run")
    @ValueSource(ints = {1, 3, 5, 7, 9, 11, 13, 15, 17, 19})
    void aPowerCutMidCompactionLosesNoAnsweredSaleAndLeavesTheLedgerWhole(int cutAt) throws Exception {
        Map<String, String> answered = new ConcurrentHashMap<>();
        try (PowerCutBox box = PowerCutBox.start(data, DiskSync.CHECKPOINT_SYNC)) {
            String shift = box.api().openShift("r1");
            SalesRound.ring(box.api(), shift, "burst", SALES, TABLETS, answered);
            box.power().cutAtDiskOperation(cutAt);
            CompletableFuture<LedgerCompaction.Report> run = CompletableFuture.supplyAsync(
                    () -> LedgerCompaction.compactNow(box.database().writer(), () -> true));
            assertThat(run).as("the run, its disk gone from under it").failsWithin(Duration.ofSeconds(30));
            box.cut();
        }

        try (LedgerDatabase reopened = LedgerDatabase.open(data, Clock.systemUTC())) {
            try (Handle handle = reopened.jdbi().open()) {
                Map<String, String> stored = SalesRound.storedReceiptNumbers(handle);
                assertThat(stored).isEqualTo(answered);
                assertThat(stored.values().stream().map(number -> Long.parseLong(number.substring(number.indexOf('-') + 1))).sorted()
                        .toList()).isEqualTo(LongStream.rangeClosed(1, SALES).boxed().toList());
            }
            ChainVerdict verdict = reopened.verifyChain();
            assertThat(verdict.intact()).as(verdict.problem()).isTrue();
            LedgerCompaction.Report rest = LedgerCompaction.compactNow(reopened.writer(), () -> true);
            assertThat(rest.finished()).as(rest.toString()).isTrue();
        }
        Path file = data.resolve(LedgerDatabase.FILE_NAME + ".mv.db");
        assertThat(Files.size(file)).as("the file packed after the cut")
                .isLessThanOrEqualTo(2 * LedgerCompaction.dataBytes(file, scratch));
        OfflineCheck.Result check = OfflineCheck.run(data, Box.tableAudits());
        assertThat(check.intact()).as("%s %s", check.audit().problem(), check.verifiedPointProblems()).isTrue();
    }
}
