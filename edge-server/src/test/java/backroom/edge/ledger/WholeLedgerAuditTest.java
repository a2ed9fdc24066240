package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.RecordedLogs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The walk of the whole ledger after a start: its report, the one line it logs on a break, and how it stops when the box does. */
class WholeLedgerAuditTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final RecordedLogs logs = new RecordedLogs(Level.WARNING);

    private Jdbi jdbi;

    @BeforeEach
    void writeFiveEntries() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            for (int i = 1; i <= 5; i++) {
                int n = i;
                db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", n)));
            }
        }
        jdbi = Jdbi.create(LedgerDatabase.urlFor(dir), "sa", "");
    }

    @Test
    void aWholeLedgerIsWalkedToItsEndAndLogsNothing() throws Exception {
        try (WholeLedgerAudit audit = WholeLedgerAudit.prepare(jdbi, List::of)) {
            audit.start();

            assertThat(awaitDone(audit)).isEqualTo(new WholeLedgerAudit.Report(true, 5, null, null));
        }
        assertThat(logged()).isEmpty();
    }

    @Test
    void aBrokenLedgerIsNamedInTheReportAndOnceInTheLog() throws Exception {
        try (Handle handle = jdbi.open()) {
            handle.execute("DROP TRIGGER ledger_append_only");
            handle.execute("UPDATE ledger SET payload = '{\"n\":30}' WHERE seq = 3");
        }
        try (WholeLedgerAudit audit = WholeLedgerAudit.prepare(jdbi, List::of)) {
            audit.start();

            WholeLedgerAudit.Report report = awaitDone(audit);
            assertThat(report.broken()).isTrue();
            assertThat(report.problem()).startsWith("the hash chain breaks at entry 3: hash does not match");
            awaitLogged();
            assertThat(logged()).containsExactly("the whole ledger does not verify: " + report.problem()
                    + " (./backroom verify-ledger, with the box stopped, says the same; sales go on)");
        }
    }

    @Test
    void closingStopsTheWalkBeforeTheNextEntryAndWaitsUntilItHasStopped() throws Exception {
        List<Long> held = new CopyOnWriteArrayList<>();
        CountDownLatch inFirstEntry = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TableAudit slowOnTheFirst = new TableAudit() {
            @Override
            public void check(AuditedTables tables, LedgerEntry entry) {
                held.add(entry.seq());
                if (entry.seq() == 1) {
                    inFirstEntry.countDown();
                    Caller.holdUntil(release);
                }
            }

            @Override
            public void finish(AuditedTables tables, long fromSeq) {
            }
        };
        WholeLedgerAudit audit = WholeLedgerAudit.prepare(jdbi, () -> List.of(slowOnTheFirst));
        audit.start();
        assertThat(inFirstEntry.await(10, TimeUnit.SECONDS)).isTrue();

        Caller<Void> closing = Caller.run(audit::close).awaitParked();
        assertThat(closing.isWaiting()).as("close waits for the walk").isTrue();
        release.countDown();
        closing.outcome();

        assertThat(held).as("no entry after the one being checked").containsExactly(1L);
        assertThat(audit.report().done()).as("a stopped walk says nothing of the ledger").isFalse();
        assertThat(logged()).isEmpty();
    }

    private static WholeLedgerAudit.Report awaitDone(WholeLedgerAudit audit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!audit.report().done() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return audit.report();
    }

    /** The walk reports before it logs: waits for the line, for up to 10 s. */
    private void awaitLogged() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (logged().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private List<String> logged() {
        return logs.records().stream().filter(r -> r.getLoggerName().equals(WholeLedgerAudit.class.getName()))
                .map(LogRecord::getMessage).toList();
    }
}
