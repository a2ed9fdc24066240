package backroom.edge.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one thread that writes the ledger database: group commit.
 *
 * <p>It takes every write that is waiting, runs each under its own savepoint inside one
 * transaction, commits, forces the file to disk, and only then answers each caller. A write that
 * throws is rolled back to its savepoint and fails alone; the rest of its group commits. Because
 * one thread does all writing, {@code seq}, receipt numbers and stock checks need no locks.
 *
 * <p>Measured reason (DESIGN.md, ledger): a sync per sale allowed 230-1,100 sales/s; one sync per
 * group lets a burst of callers share each fsync.
 */
public final class LedgerWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class.getName());
    private static final int MAX_GROUP = 512;
    /** How many entries may pass before the verified point moves up with them. */
    private static final long VERIFIED_POINT_EVERY = 1_000;
    /** A clock behind the ledger by less than this (a small step of time synchronisation) is only held back, not reported. */
    static final Duration CLOCK_LAG_REPORTED = Duration.ofSeconds(1);

    private final Supplier<Handle> reopen;
    private final Clock clock;
    private final DiskSync diskSync;
    private final Consumer<LedgerHead> onVerified;
    private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Maintenance<?>> maintenance = new LinkedBlockingQueue<>();
    private final List<Consumer<List<LedgerEntry>>> committedListeners = new CopyOnWriteArrayList<>();
    private final GroupCommits groupCommits = new GroupCommits();
    private final Thread thread;
    private volatile boolean closed;
    /** Set by the writer's thread as it ends, before it refuses what is left in its queues. */
    private volatile boolean ended;
    private volatile LedgerHead head;
    private volatile Instant newestTime;
    private volatile boolean writable = true;
    /** Why the newest group failed, until a group is written again; null while the last one went well. */
    private volatile String lastFailure;
    private volatile long lastGroupNanos = System.nanoTime();
    private boolean clockLagRecorded;
    private Handle handle;
    private WriterStatements statements;
    private long verifiedSeq;

    LedgerWriter(Jdbi jdbi, Supplier<Handle> reopen, Clock clock, DiskSync diskSync, Consumer<LedgerHead> onVerified) {
        this.reopen = reopen;
        this.clock = clock;
        this.diskSync = diskSync;
        this.onVerified = onVerified;
        this.handle = jdbi.open();
        this.statements = new WriterStatements(handle.getConnection());
        this.head = LedgerTable.head(handle);
        this.newestTime = LedgerTable.newestTime(handle);
        this.verifiedSeq = head.seq();
        this.thread = Thread.ofPlatform().name("ledger-writer").daemon(false).unstarted(this::run);
        thread.start();
    }

    /**
     * Runs {@code write} in the next group and waits until it is on disk. Rethrows what the write
     * threw; throws {@link LedgerUnavailableException} when the group could not be made durable.
     */
    public <T> T submit(Write<T> write) {
        try {
            return enqueue(write).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /**
     * Queues {@code write} behind every write already waiting and returns at once: the future
     * completes as {@link #submit} would return, once the write's group is on disk, or with what
     * the write threw. For work that must come before the writes queued after it but that no
     * caller waits for, as a memory the writer's thread loads while the box goes on starting.
     */
    public <T> CompletableFuture<T> enqueue(Write<T> write) {
        PendingWrite<T> pending = new PendingWrite<>(write);
        if (closed) {
            throw new LedgerUnavailableException("the ledger is closed", null);
        }
        queue.add(pending);
        if (ended) {
            failAll(queue, whyEnded());
        }
        return pending.result();
    }

    /**
     * Runs {@code task} on the writer's thread, alone, between two groups and only while no write
     * waits, then forces the file to disk; waits for it and returns what it returned. The task gets
     * the writer's connection with no transaction open but, after the first group, out of
     * autocommit: a task commits what it writes itself (the force makes only what is committed
     * durable; the next group would otherwise commit it, or a failed one roll it back). A write
     * that arrives meanwhile waits for the task, so a task must be short: {@link LedgerCompaction}
     * keeps each of its steps to a few hundred milliseconds.
     */
    public <T> T maintain(Function<Handle, T> task) {
        Maintenance<T> pending = new Maintenance<>(task);
        if (closed) {
            throw new LedgerUnavailableException("the ledger is closed", null);
        }
        maintenance.add(pending);
        if (ended) {
            pending.result.completeExceptionally(whyEnded());
        }
        try {
            return pending.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /**
     * Why a call queued as the writer's thread ends will never run: the ledger was closed
     * meanwhile, or the thread stopped without a close (a write left it interrupted).
     */
    private LedgerUnavailableException whyEnded() {
        return new LedgerUnavailableException(closed ? "the ledger is closed" : "the ledger writer has stopped", null);
    }

    /** How long since the newest group was written (since the writer started, if none was). */
    public Duration quietFor() {
        return Duration.ofNanos(System.nanoTime() - lastGroupNanos);
    }

    /** A count that moves with every group written: equal twice, nothing was written in between. */
    long groupsWritten() {
        return groupCommits.snapshot().groups();
    }

    /**
     * Hands each group's entries to {@code listener} once they are on disk, on the writer's
     * thread: the listener must only queue them, never block.
     */
    public void onCommitted(Consumer<List<LedgerEntry>> listener) {
        committedListeners.add(listener);
    }

    /** How the groups went since the box started: their sizes and sync times. */
    public GroupCommits groupCommits() {
        return groupCommits;
    }

    /** Whether the writer's thread still runs: false once the ledger is closed (or the thread died). */
    public boolean isRunning() {
        return thread.isAlive() && !closed;
    }

    /** The newest entry that is on disk. */
    public LedgerHead head() {
        return head;
    }

    private void run() {
        List<PendingWrite<?>> group = new ArrayList<>();
        try {
            while (!closed || !queue.isEmpty()) {
                try {
                    PendingWrite<?> first = maintenance.isEmpty() ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.poll();
                    if (first == null) {
                        runMaintenance();
                        continue;
                    }
                    group.add(first);
                    queue.drainTo(group, MAX_GROUP - 1);
                    commit(group);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    group.clear();
                }
            }
        } finally {
            ended = true;
            if (!closed) {
                LOG.severe("the ledger writer has stopped without the ledger being closed: every write is refused until the box restarts");
            }
            failAll(queue, whyEnded());
            Maintenance<?> left;
            while ((left = maintenance.poll()) != null) {
                left.result.completeExceptionally(whyEnded());
            }
        }
    }

    private void runMaintenance() {
        Maintenance<?> task = maintenance.poll();
        if (task == null) {
            return;
        }
        try {
            if (handle == null) {
                reconnect();
            }
            task.runAndForce(handle, diskSync);
        } catch (Exception | Error e) {
            LOG.log(Level.SEVERE, "ledger maintenance failed; reopening the database", e);
            reconnectAfterFailure();
            task.result.completeExceptionally(new LedgerUnavailableException("ledger maintenance failed: " + rootMessage(e), e));
        }
    }

    /** A task for the writer's thread between groups, and then its outcome. */
    private static final class Maintenance<T> {
        private final Function<Handle, T> task;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Maintenance(Function<Handle, T> task) {
            this.task = task;
        }

        void runAndForce(Handle handle, DiskSync diskSync) {
            T value = task.apply(handle);
            diskSync.force(handle);
            result.complete(value);
        }
    }

    private void commit(List<PendingWrite<?>> group) {
        try {
            if (handle == null) {
                reconnect();
            }
            LedgerAppender appender = new LedgerAppender(statements, clock, head, newestTime);
            Connection connection = handle.getConnection();
            connection.setAutoCommit(false);
            boolean lagRecorded = recordClockLag(appender);
            for (PendingWrite<?> pending : group) {
                pending.runIn(handle, connection, appender);
            }
            boolean verifiedPointMoves = appender.head().seq() - verifiedSeq >= VERIFIED_POINT_EVERY;
            if (verifiedPointMoves) {
                VerifiedPoint.record(handle, appender.head(), clock.instant());
            }
            connection.commit();
            long syncStarted = System.nanoTime();
            diskSync.force(handle);
            groupCommits.record(group.size(), System.nanoTime() - syncStarted);
            lastGroupNanos = System.nanoTime();
            head = appender.head();
            newestTime = appender.newest();
            lastFailure = null;
            clockLagRecorded = lagRecorded;
            group.forEach(PendingWrite::answer);
            tellCommitted(appender.appended());
            if (verifiedPointMoves) {
                verifiedSeq = head.seq();
                recordVerifiedOutside(head);
            }
        } catch (Exception | Error e) {
            // Errors too (an assertion, out of memory): the writer thread must outlive any one group,
            // or every caller after it would wait forever.
            LOG.log(Level.SEVERE, "ledger group of " + group.size() + " writes was not made durable; reopening the database", e);
            LedgerUnavailableException failure = new LedgerUnavailableException("the ledger could not be written: " + rootMessage(e), e);
            lastFailure = failure.getMessage();
            reconnectAfterFailure();
            group.forEach(pending -> pending.result().completeExceptionally(failure));
        }
    }

    /**
     * Once each time the wall clock falls behind the newest entry, a {@code clock.behind} entry says
     * by how much, before the entries that take the newest entry's time instead of the clock's.
     * Returns whether the lag is recorded once this group commits.
     */
    private boolean recordClockLag(LedgerAppender appender) {
        Instant wall = clock.instant();
        if (!wall.plus(CLOCK_LAG_REPORTED).isBefore(newestTime)) {
            return false;
        }
        if (!clockLagRecorded) {
            Map<String, Object> lag = new LinkedHashMap<>();
            lag.put("clock", wall.truncatedTo(ChronoUnit.MILLIS).toString());
            lag.put("ledgerTime", newestTime.toString());
            lag.put("behindMillis", Duration.between(wall, newestTime).toMillis());
            appender.append("clock.behind", lag);
        }
        return true;
    }

    /** How far the wall clock is behind the newest entry on disk, when it is behind by more than a second. */
    public Optional<Duration> clockLag() {
        Duration lag = Duration.between(clock.instant(), newestTime);
        return lag.compareTo(CLOCK_LAG_REPORTED) > 0 ? Optional.of(lag) : Optional.empty();
    }

    /** When the newest entry on disk happened, as the ledger recorded it. */
    public Instant newestTime() {
        return newestTime;
    }

    private void tellCommitted(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        for (Consumer<List<LedgerEntry>> listener : committedListeners) {
            try {
                listener.accept(entries);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a listener to committed ledger entries failed; the ledger is not affected", e);
            }
        }
    }

    /** The copy beside the database is a second guard only: failing to write it fails no one. */
    private void recordVerifiedOutside(LedgerHead verified) {
        try {
            onVerified.accept(verified);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write the verified point beside the database", e);
        }
    }

    /**
     * Whether the ledger can take writes: the writer holds an open database connection and the
     * newest group was written. After a group fails (a full disk) it stays false until one is
     * written again, so health says so between the failure and the next write that goes through.
     */
    public boolean isWritable() {
        return writable && lastFailure == null;
    }

    /** Why the newest group could not be written, while no group has been written since. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /**
     * After a failed commit or sync H2 may have closed the database (a full disk makes it panic),
     * and a group that failed to sync may or may not be on disk. Either way the only safe state
     * is the file's: drop every connection, open the file anew, and read the head from it.
     */
    private void reconnectAfterFailure() {
        try {
            closeQuietly(handle);
            handle = null;
            statements = null;
            reconnect();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the ledger database could not be reopened; the next write tries again", e);
            handle = null;
            writable = false;
        }
    }

    private void reconnect() {
        Handle reopened = reopen.get();
        head = LedgerTable.head(reopened);
        newestTime = LedgerTable.newestTime(reopened);
        verifiedSeq = Math.min(verifiedSeq, head.seq());
        handle = reopened;
        statements = new WriterStatements(reopened.getConnection());
        writable = true;
    }

    private void closeQuietly(Handle failed) {
        if (failed == null) {
            return;
        }
        if (statements != null) {
            statements.close();
        }
        if (storeGivenUp(failed)) {
            // After a power cut in a compaction step H2 gave its store up, and a ROLLBACK or close
            // on it spun for ever in MVStore.registerVersionUsage, holding the writer's thread
            // (CompactionPowerCutTest): the dead connection is dropped as it is.
            LOG.fine("H2 gave the ledger's store up; its connection is dropped without a rollback");
            return;
        }
        try {
            failed.getConnection().rollback();
            failed.getConnection().setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "ending the failed connection's transaction", e);
        }
        try {
            failed.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing the failed connection", e);
        }
    }

    /** Whether H2 has panicked on the store under {@code handle} (a failed write it cannot undo), or it cannot be asked. */
    private static boolean storeGivenUp(Handle handle) {
        try {
            return MvStores.under(handle).getPanicException() != null;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void failAll(BlockingQueue<PendingWrite<?>> queue, RuntimeException failure) {
        PendingWrite<?> pending;
        while ((pending = queue.poll()) != null) {
            pending.result().completeExceptionally(failure);
        }
    }

    /** Answers what is queued, records the head as verified, and lets go of the connection. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (handle != null) {
            try {
                VerifiedPoint.record(handle, head, clock.instant());
                handle.getConnection().commit();
                diskSync.force(handle);
                onVerified.accept(head);
            } catch (RuntimeException | SQLException e) {
                LOG.log(Level.WARNING, "could not record the verified point at close; the next start verifies a little more", e);
            }
            closeQuietly(handle);
        }
    }
}
