package backroom.edge.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Handle;

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

    private final Handle handle;
    private final Clock clock;
    private final DiskSync diskSync;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile LedgerHead head;

    LedgerWriter(Handle handle, Clock clock, DiskSync diskSync) {
        this.handle = handle;
        this.clock = clock;
        this.diskSync = diskSync;
        this.head = LedgerTable.head(handle);
        this.thread = Thread.ofPlatform().name("ledger-writer").daemon(false).unstarted(this::run);
        thread.start();
    }

    /**
     * Runs {@code write} in the next group and waits until it is on disk. Rethrows what the write
     * threw; throws {@link LedgerUnavailableException} when the group could not be made durable.
     */
    public <T> T submit(Write<T> write) {
        Pending<T> pending = new Pending<>(write);
        if (closed) {
            throw new LedgerUnavailableException("the ledger is closed", null);
        }
        queue.add(pending);
        try {
            return pending.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The newest entry that is on disk. */
    public LedgerHead head() {
        return head;
    }

    private void run() {
        List<Pending<?>> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
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
        failAll(queue, new LedgerUnavailableException("the ledger is closed", null));
    }

    private void commit(List<Pending<?>> group) {
        LedgerAppender appender = new LedgerAppender(handle, clock, head);
        try {
            handle.begin();
            for (int i = 0; i < group.size(); i++) {
                group.get(i).runIn(handle, appender, "w" + i);
            }
            handle.commit();
            diskSync.force(handle);
            head = appender.head();
            group.forEach(Pending::answer);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "ledger group of " + group.size() + " writes was not made durable", e);
            LedgerUnavailableException failure = new LedgerUnavailableException("the ledger could not be written: " + e.getMessage(), e);
            group.forEach(pending -> pending.result.completeExceptionally(failure));
            rollbackQuietly();
            head = headAfterFailure();
        }
    }

    /**
     * What the database holds after a failed group. When the database itself died (the disk is
     * gone) the head cannot be read: the writer keeps the last one it knew and goes on failing
     * each group, instead of dying and leaving every caller waiting forever.
     */
    private LedgerHead headAfterFailure() {
        try {
            return LedgerTable.head(handle);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the ledger head after a failed group; keeping seq " + head.seq(), e);
            return head;
        }
    }

    private void rollbackQuietly() {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rollback after a failed group also failed", e);
        }
    }

    private static void failAll(BlockingQueue<Pending<?>> queue, RuntimeException failure) {
        Pending<?> pending;
        while ((pending = queue.poll()) != null) {
            pending.result.completeExceptionally(failure);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handle.close();
    }

    /** A write waiting for its group, and then its outcome until the group is durable. */
    private static final class Pending<T> {
        private final Write<T> write;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private T value;
        private RuntimeException refusal;

        Pending(Write<T> write) {
            this.write = write;
        }

        void runIn(Handle handle, LedgerAppender appender, String savepoint) {
            LedgerHead before = appender.head();
            handle.savepoint(savepoint);
            try {
                value = write.apply(handle, appender);
                handle.releaseSavepoint(savepoint);
            } catch (RuntimeException e) {
                handle.rollbackToSavepoint(savepoint);
                appender.rewindTo(before);
                refusal = e;
            }
        }

        void answer() {
            if (refusal != null) {
                result.completeExceptionally(refusal);
            } else {
                result.complete(value);
            }
        }
    }
}
