package backroom.edge.ledger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * After each start, the whole ledger walked once more in the background, every table held to it,
 * as {@code backroom verify-ledger} would: start-up itself walks only from the verified point (so
 * it does not grow with the ledger), which let a box whose entry 4391 was changed on disk start
 * and report itself healthy. A break found here does not stop the store's sales: health reports
 * it (DOWN, naming the entry or row) and the log says it once, for a technician to act on.
 *
 * <p>The walk reads one snapshot of the database, so sales made meanwhile neither disturb it nor
 * wait for it.
 */
public final class WholeLedgerAudit implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WholeLedgerAudit.class.getName());
    /** Far more than one entry's checks take. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /**
     * Where the walk is: still running, done and whole, done and broken (with what broke), or
     * given up on an error of its own (with the error; nothing is known of the ledger then).
     */
    public record Report(boolean done, long entriesChecked, String problem, String failure) {

        public boolean broken() {
            return problem != null;
        }
    }

    private final Thread walker;
    private volatile Report report = new Report(false, 0, null, null);
    private volatile boolean closing;

    private WholeLedgerAudit(Jdbi jdbi, Supplier<List<TableAudit>> audits) {
        this.walker = Thread.ofPlatform().name("whole-ledger-audit").daemon(true).unstarted(() -> walk(jdbi, audits));
    }

    /** A walk ready to {@link #start}, once the box serves: it must not slow the box's start. */
    public static WholeLedgerAudit prepare(Jdbi jdbi, Supplier<List<TableAudit>> audits) {
        return new WholeLedgerAudit(jdbi, audits);
    }

    public void start() {
        walker.start();
    }

    public Report report() {
        return report;
    }

    private void walk(Jdbi jdbi, Supplier<List<TableAudit>> audits) {
        try (Handle handle = jdbi.open()) {
            AuditVerdict verdict = inOneSnapshot(handle, () -> LedgerAudit.walk(handle, LedgerHead.EMPTY, audits.get(), () -> closing));
            report = new Report(true, verdict.chain().entriesChecked(), verdict.problem(), null);
            if (report.broken()) {
                LOG.severe("the whole ledger does not verify: " + report.problem() + " (./backroom verify-ledger, with the box stopped,"
                        + " says the same; sales go on)");
            }
        } catch (RuntimeException e) {
            if (!closing && !(e instanceof CancellationException)) {
                LOG.log(Level.WARNING, "the background walk of the whole ledger failed; the next start walks it again", e);
                report = new Report(true, 0, null, String.valueOf(e.getMessage()));
            }
        }
    }

    /** Runs {@code walk} in one read-only snapshot transaction, and leaves the pooled connection as it found it. */
    private static AuditVerdict inOneSnapshot(Handle handle, Supplier<AuditVerdict> walk) {
        handle.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
        try {
            handle.begin();
            try {
                return walk.get();
            } finally {
                handle.rollback();
            }
        } finally {
            handle.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
    }

    /** Stops a walk still running, between two entries, and waits for it to let go of its connection. */
    @Override
    public void close() {
        closing = true;
        if (!walker.isAlive()) {
            return;
        }
        try {
            walker.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
