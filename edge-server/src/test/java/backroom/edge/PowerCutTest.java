package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.ChainVerifier;
import backroom.edge.ledger.DiskSync;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.testing.PowerCutBox;
import backroom.edge.testing.SalesRound;
import backroom.edge.testing.SalesBurst;
import backroom.edge.testing.SalesBurst.Attempt;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The power fails in the middle of a burst of sales. The ledger file sits on a simulated page
 * cache that loses every byte not forced to disk; afterwards the real file is opened as the box
 * would open it on its next start. Every sale answered 201 must be there with its receipt number,
 * nothing twice, and the hash chain whole. The negative control runs the same box without the
 * sync and must lose answered sales: proof that the cut can catch a box that answers too early.
 */
class PowerCutTest {

    static final int TABLETS = 8;

    @TempDir
    Path data;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aPowerCutMidBurstLosesNoAnsweredSaleAndRepeatsNone(long seed) throws Exception {
        Random random = new Random(seed);
        int cutAfter = 50 + random.nextInt(400);
        List<Attempt> attempts;
        try (PowerCutBox box = PowerCutBox.start(data, DiskSync.CHECKPOINT_SYNC)) {
            String shift = box.api().openShift("r1");
            try (SalesBurst burst = SalesBurst.start(box.api(), "r1", shift, TABLETS)) {
                burst.awaitAnswered(cutAfter);
                // Up to 2 ms more, so that the cut falls anywhere in a group: writing, committing or syncing.
                LockSupport.parkNanos(random.nextInt(2_000_000));
                box.cut();
                burst.close();
                attempts = burst.attempts();
            }
        }
        Map<String, String> answered = receiptNumbersBySaleId(attempts.stream().filter(Attempt::answered201).toList());
        assertThat(answered).hasSizeGreaterThanOrEqualTo(cutAfter);

        try (LedgerDatabase reopened = LedgerDatabase.open(data, Clock.systemUTC());
             Handle handle = reopened.jdbi().open()) {
            Map<String, String> stored = SalesRound.storedReceiptNumbers(handle);
            assertThat(stored).containsAllEntriesOf(answered);
            assertThat(stored.size()).isLessThanOrEqualTo(attempts.size());
            assertThat(receiptSerials(stored)).isEqualTo(LongStream.rangeClosed(1, stored.size()).boxed().toList());
            assertThat(saleEntriesInLedger(handle)).isEqualTo(stored.size());
            ChainVerdict verdict = ChainVerifier.verifyAll(handle);
            assertThat(verdict.intact()).as(verdict.problem()).isTrue();
        }
    }

    @Test
    void withoutTheSyncAPowerCutLosesEveryAnsweredSale() throws Exception {
        List<Attempt> attempts;
        long forcesDuringTheBurst;
        try (PowerCutBox box = PowerCutBox.start(data, DiskSync.NONE)) {
            String shift = box.api().openShift("r1");
            // The set-up is made durable by hand, so that only the sales can be lost, not the database.
            box.database().jdbi().useHandle(DiskSync.CHECKPOINT_SYNC::force);
            long forcesBefore = box.power().forceCalls();
            try (SalesBurst burst = SalesBurst.start(box.api(), "r1", shift, TABLETS)) {
                burst.awaitAnswered(200);
                forcesDuringTheBurst = box.power().forceCalls() - forcesBefore;
                box.cut();
                burst.close();
                attempts = burst.attempts();
            }
        }
        Map<String, String> answered = receiptNumbersBySaleId(attempts.stream().filter(Attempt::answered201).toList());
        assertThat(answered).hasSizeGreaterThanOrEqualTo(200);
        // Nothing forced the file between the hand-made sync and the cut, so every sale was still
        // in the page cache: the loss is all of them, not a matter of timing.
        assertThat(forcesDuringTheBurst).as("H2 forced the file on its own").isZero();

        try (LedgerDatabase reopened = LedgerDatabase.open(data, Clock.systemUTC());
             Handle handle = reopened.jdbi().open()) {
            assertThat(SalesRound.storedReceiptNumbers(handle)).isEmpty();
            assertThat(handle.createQuery("SELECT COUNT(*) FROM shifts").mapTo(Long.class).one()).isEqualTo(1);
            ChainVerdict verdict = ChainVerifier.verifyAll(handle);
            assertThat(verdict.intact()).as(verdict.problem()).isTrue();
        }
    }

    private static Map<String, String> receiptNumbersBySaleId(List<Attempt> answered) {
        return answered.stream().collect(Collectors.toMap(a -> a.reply().field("saleId"), a -> a.reply().field("receiptNumber")));
    }

    /** r1-000042 -> 42, in order: a gapless run from 1 means no sale was written twice or half. */
    private static List<Long> receiptSerials(Map<String, String> stored) {
        return stored.values().stream().map(number -> Long.parseLong(number.substring(number.indexOf('-') + 1))).sorted().toList();
    }

    private static long saleEntriesInLedger(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM ledger WHERE type = 'sale.completed'").mapTo(Long.class).one();
    }
}
