package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a compaction run may spend, and how its report reads in the log (the bench reads it there). */
class CompactionFiguresTest {

    @Test
    void aRunMayRewriteTwiceTheFilesLiveDataInStepsOfAMegabyteAndTwoStepsMore() {
        // 100 MiB, half of it in chunks, those 40% live: 20 MiB live, rewritten twice over in 1 MiB steps.
        assertThat(LedgerCompaction.rewriteSteps(100L << 20, 50, 40)).isEqualTo(42);
        assertThat(LedgerCompaction.rewriteSteps((1L << 20) - 1, 100, 100)).as("under 1 MiB live").isEqualTo(2);
        assertThat(LedgerCompaction.rewriteSteps(0, 0, 0)).as("an empty file").isEqualTo(2);
    }

    @Test
    void aReportSaysTheSizesStepsTimesAndHowLiveTheChunksAreAndWhetherAWriteStoppedIt() {
        LedgerCompaction.Report finished = new LedgerCompaction.Report(900, 500, 3, Duration.ofMillis(250), Duration.ofMillis(1_500), true, 76, 98);
        LedgerCompaction.Report stopped = new LedgerCompaction.Report(900, 800, 1, Duration.ofMillis(90), Duration.ofMillis(400), false, 21, 79);

        assertThat(finished).hasToString(LedgerCompaction.COMPACTED + ": 900 -> 500 bytes in 3 steps over 1.5 s, the longest 250 ms;"
                + " chunks 76% live, 98% of the file in chunks");
        assertThat(stopped).hasToString(LedgerCompaction.COMPACTED + ": 900 -> 800 bytes in 1 steps over 0.4 s, the longest 90 ms;"
                + " chunks 21% live, 79% of the file in chunks (stopped for a write)");
    }
}
