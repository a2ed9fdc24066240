package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import backroom.edge.testing.powercut.PowerCut;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the writer: the write it is running still commits and is answered, a maintenance task
 * still waiting is refused rather than left hanging, and the head is recorded as verified on disk.
 */
class LedgerWriterClosingTest {

    @TempDir
    Path dir;

    @Test
    void closingWaitsForTheWriteInFlightAndRefusesTheMaintenanceStillWaiting() throws Exception {
        LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC());
        LedgerWriter writer = db.writer();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Caller<Long> inFlight = Caller.start(() -> writer.submit((handle, ledger) -> {
            writing.countDown();
            Caller.holdUntil(release);
            return ledger.append("test.in-flight", Map.of());
        }));
        writing.await();
        AtomicBoolean maintained = new AtomicBoolean();
        Caller<Boolean> maintenance = Caller.start(() -> writer.maintain(handle -> maintained.getAndSet(true))).awaitParked();
        assertThat(writer.isRunning()).isTrue();

        Caller<Void> closing = Caller.run(db::close).awaitParked();
        assertThat(writer.isRunning()).as("closed as soon as close begins").isFalse();
        assertThat(closing.isWaiting()).as("close waits while a write is in flight").isTrue();
        release.countDown();

        assertThat(inFlight.outcome()).as("the write in flight commits").isEqualTo(1L);
        assertThatThrownBy(maintenance::outcome).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(LedgerUnavailableException.class).hasMessage("the ledger is closed");
        assertThat(maintained).as("a task still waiting never runs").isFalse();
        closing.outcome();
        assertThat(writer.isRunning()).isFalse();
        assertThatThrownBy(() -> writer.submit((handle, ledger) -> ledger.append("test.late", Map.of())))
                .isInstanceOf(LedgerUnavailableException.class).hasMessage("the ledger is closed");
        try (LedgerDatabase again = LedgerDatabase.open(dir, Clock.systemUTC())) {
            assertThat(again.writer().head().seq()).isEqualTo(1);
        }
    }

    @Test
    void theHeadRecordedAsVerifiedAtCloseIsOnDiskBeforeTheDatabaseLetsGo() {
        try (PowerCut power = PowerCut.over(dir)) {
            String url = "jdbc:h2:" + power.path(LedgerDatabase.FILE_NAME) + LedgerDatabase.settings();
            LedgerDatabase db = LedgerDatabase.open(url, Clock.systemUTC(), DiskSync.CHECKPOINT_SYNC);
            for (int n = 1; n <= 3; n++) {
                int entry = n;
                db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", entry)));
            }

            db.writer().close();
            power.cut();
            assertTimeoutPreemptively(Duration.ofSeconds(10), db::close);
        }
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            assertThat(VerifiedPoint.read(handle).seq()).isEqualTo(3);
        }
    }
}
