package backroom.edge.printing;

import backroom.edge.hardware.DeviceRole;
import backroom.edge.ledger.LedgerWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * One device's thread: takes its due jobs oldest first, woken by each commit (when jobs appear) or
 * once a second (when retries fall due). Drops a drawer kick older than {@link #KICK_TOO_OLD}
 * rather than fire it late. A clean stop lets the batch under way finish, so it leaves nothing to
 * print again. What sending means is the device's own.
 */
abstract class JobWorker implements AutoCloseable {

    static final Duration KICK_TOO_OLD = Duration.ofSeconds(10);
    private static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(JobWorker.class.getName());

    final DeviceRole role;
    final Jdbi jdbi;
    final LedgerWriter writer;
    final DeviceStatusBoard board;
    final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean open = true;

    JobWorker(DeviceRole role, Jdbi jdbi, LedgerWriter writer, DeviceStatusBoard board, Clock clock) {
        this.role = role;
        this.jdbi = jdbi;
        this.writer = writer;
        this.board = board;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("device-" + role.name()).daemon().unstarted(this::run);
    }

    /** Starts the thread, once the subclass is built. */
    final void start() {
        thread.start();
    }

    /** Sends {@code jobs} (fresh ones, due now), marking them sending, done or back in the queue. */
    abstract void send(List<PrintJob> jobs);

    /** What the device does between jobs (a printer is asked its status). */
    abstract void idle();

    final void wake() {
        wake.release();
    }

    private void run() {
        while (open) {
            try {
                List<PrintJob> due = PrintJobs.due(jdbi, role.name(), clock.instant(), BATCH);
                List<PrintJob> fresh = dropStaleKicks(due);
                if (!fresh.isEmpty()) {
                    send(fresh);
                } else if (due.isEmpty()) {
                    idle();
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The ledger is closing, or cannot be written: the jobs stay where they are.
                if (open) {
                    LOG.log(Level.WARNING, "device " + role.name() + ": " + e.getMessage(), e);
                    pause();
                }
            }
        }
    }

    private List<PrintJob> dropStaleKicks(List<PrintJob> due) {
        Instant now = clock.instant();
        List<PrintJob> fresh = new ArrayList<>();
        for (PrintJob job : due) {
            if (job.document() instanceof DrawerKick && job.createdAt().plus(KICK_TOO_OLD).isBefore(now)) {
                String why = "the drawer kick was " + Duration.between(job.createdAt(), now).toSeconds() + " s old: a drawer is not opened late";
                write(handle -> PrintJobs.drop(handle, job.id(), why, now));
            } else {
                fresh.add(job);
            }
        }
        return fresh;
    }

    /** One write on the ledger writer that returns nothing: a job's move. */
    final void write(java.util.function.Consumer<org.jdbi.v3.core.Handle> move) {
        writer.submit((handle, ledger) -> {
            move.accept(handle);
            return null;
        });
    }

    /** Jobs marked sending, durably, before any of their bytes go out. */
    final void markSending(List<String> ids) {
        writer.submit((handle, ledger) -> {
            PrintJobs.markSending(ledger.statements(), ids);
            return null;
        });
    }

    final void markDone(List<PrintJob> jobs) {
        Instant at = clock.instant();
        List<String> ids = jobs.stream().map(PrintJob::id).toList();
        List<PrintJob> keepingLess = jobs.stream().filter(job -> job.document().keptOncePrinted() != job.document()).toList();
        writer.submit((handle, ledger) -> {
            PrintJobs.markDone(ledger.statements(), ids, at);
            if (!keepingLess.isEmpty()) {
                PrintJobs.keepOncePrinted(ledger.statements(), keepingLess);
            }
            return null;
        });
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        wake.release();
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
