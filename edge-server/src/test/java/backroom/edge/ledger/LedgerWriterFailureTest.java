package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group that fails as a whole (an Error in a write, which no savepoint takes back): every caller
 * is told the ledger could not be written, nothing of the group is kept, and the writer, on a
 * fresh connection, takes the next write as if the group had never been. And if the writer's
 * thread itself stops, no call is left waiting for it.
 */
class LedgerWriterFailureTest {

    @TempDir
    Path dir;

    @Test
    void aGroupFailedByAnErrorKeepsNothingAndTheNextWriteGoesOnFromTheHeadBeforeIt() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            LedgerWriter writer = db.writer();
            writer.submit((handle, ledger) -> ledger.append("test.before", Map.of()));

            assertThatThrownBy(() -> writer.submit((handle, ledger) -> {
                ledger.append("test.lost", Map.of());
                handle.execute("INSERT INTO receipt_counters (register_id, last_number) VALUES ('lost', 1)");
                throw new OutOfMemoryError("simulated: no heap left for this write");
            })).isInstanceOf(LedgerUnavailableException.class)
                    .hasMessage("the ledger could not be written: simulated: no heap left for this write");
            assertThat(writer.isWritable()).as("not until a group is written again").isFalse();
            assertThat(writer.lastFailure()).contains("the ledger could not be written: simulated: no heap left for this write");
            assertThat(writer.head().seq()).isEqualTo(1);

            long next = writer.submit((handle, ledger) -> ledger.append("test.after", Map.of()));

            assertThat(next).isEqualTo(2);
            assertThat(writer.isWritable()).isTrue();
            assertThat(writer.lastFailure()).isEmpty();
            List<String> types = db.jdbi().withHandle(h -> h.createQuery("SELECT type FROM ledger ORDER BY seq").mapTo(String.class).list());
            int counters = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM receipt_counters").mapTo(Integer.class).one());
            assertThat(types).containsExactly("test.before", "test.after");
            assertThat(counters).as("the rows of the failed group are gone with its entries").isZero();
        }
    }

    /**
     * A write runs on the writer's thread: one that leaves it interrupted gets H2's file channel
     * closed under its group, and the writer's next wait for work ends its thread. The writes
     * queued behind it, and every call made once the thread has ended, are refused at once, never
     * left waiting for a thread that will not take them.
     */
    @Test
    void onceTheWritersThreadHasStoppedEveryCallStillWaitingOrMadeLaterIsRefused() throws Exception {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            LedgerWriter writer = db.writer();
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Caller<Long> interrupting = Caller.start(() -> writer.submit((handle, ledger) -> {
                writing.countDown();
                Caller.holdUntil(release);
                long seq = ledger.append("test.interrupting", Map.of());
                Thread.currentThread().interrupt();
                return seq;
            }));
            writing.await();
            Caller<Long> queued = Caller.start(() -> writer.submit((handle, ledger) -> ledger.append("test.queued", Map.of())))
                    .awaitParked();
            release.countDown();

            assertThatThrownBy(interrupting::outcome).cause().isInstanceOf(LedgerUnavailableException.class)
                    .hasMessageStartingWith("the ledger could not be written");
            assertThatThrownBy(queued::outcome).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(LedgerUnavailableException.class).hasMessage("the ledger writer has stopped");
            Caller<Long> later = Caller.start(() -> writer.submit((handle, ledger) -> ledger.append("test.later", Map.of())));
            Caller<Integer> task = Caller.start(() -> writer.maintain(handle -> 1));
            for (Caller<?> call : List.of(later, task)) {
                assertThatThrownBy(call::outcome).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(LedgerUnavailableException.class).hasMessage("the ledger writer has stopped");
            }
            assertThat(writer.head().seq()).isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (writer.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(writer.isRunning()).as("health sees the writer stopped").isFalse();
        }
    }
}
