package backroom.edge.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.h2.mvstore.RandomAccessStore;
import org.jdbi.v3.core.Handle;

/**
 * Packs the ledger's H2 file while the store is quiet, in short steps on the writer's thread.
 *
 * <p>Why it is needed: H2 writes every changed page again at each commit into a new chunk, and
 * reclaims the old ones only in its background housekeeping, which runs on the thread that
 * {@code WRITE_DELAY} starts; {@code WRITE_DELAY=0} stops that thread. Measured: 20,000 sales left
 * a 339 MB file whose chunks were 20% live, and 100,000 sales about 1.5 GB, where a compacted
 * copy of the same database ({@code SHUTDOWN COMPACT}'s copy) is 70 MB for the 20,000.
 *
 * <p>A step is one of two of H2's own online operations, through the writer's connection, with no
 * transaction open: rewrite the live pages of chunks under {@link #REWRITE_BELOW_PERCENT} live
 * (at most {@link #REWRITE_BYTES} of them) into a new chunk, commit, and force it to disk (the old
 * chunks are then dead); or move chunks from the end of the file into free space and cut the
 * file short ({@link #MOVE_BYTES} at most, H2 forcing the file before it overwrites or cuts
 * anything). H2 frees a dead chunk only once it is older than its retention time (45 s), so the
 * file shrinks that long after the rewriting. Writes are never held up for more than one step:
 * a step runs only while no write waits, and a run stops at the first write after it began.
 * Measured on the 2-core machine, a step took 10-250 ms, the first of a run up to about 1 s.
 *
 * <p>Crash safety comes from H2: a rewrite is an ordinary commit, and the old chunks stay until
 * they are both dead at a version on disk and older than the retention time; a move writes a
 * chunk's copy and the file's new chunk list, forced, before the old place is reused. The
 * retention time is left as H2 sets it. Not yet tested: a kill or a power cut in the middle of a step.
 */
public final class LedgerCompaction implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LedgerCompaction.class.getName());
    /** A store that has written nothing for this long is quiet. */
    public static final Duration QUIET = Duration.ofSeconds(60);
    /** After a run that finished, the next starts no sooner than this. */
    public static final Duration EVERY = Duration.ofMinutes(10);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final Duration WAIT_BETWEEN_TRIES = Duration.ofSeconds(1);
    static final int REWRITE_BELOW_PERCENT = 80;
    static final int PACK_BELOW_PERCENT = 90;
    /**
     * Live bytes one rewrite step copies. It also sizes the chunk it leaves, and a move step
     * moves only chunks smaller than {@link #MOVE_BYTES}: with 1 MB moves nothing moved.
     */
    static final int REWRITE_BYTES = 1 << 20;
    static final int MOVE_BYTES = 4 << 20;

    private final LedgerWriter writer;
    private final Duration quiet;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Report last;
    private long nextRunNanos = System.nanoTime();

    private LedgerCompaction(LedgerWriter writer, Duration quiet) {
        this.writer = writer;
        this.quiet = quiet;
        this.thread = Thread.ofPlatform().name("ledger-compaction").daemon(true).unstarted(this::watch);
    }

    /** Compacts the file each time the store has been quiet for {@link #QUIET}, at most once every {@link #EVERY}. */
    public static LedgerCompaction whenQuiet(LedgerWriter writer) {
        return whenQuiet(writer, QUIET);
    }

    static LedgerCompaction whenQuiet(LedgerWriter writer, Duration quiet) {
        LedgerCompaction compaction = new LedgerCompaction(writer, quiet);
        compaction.thread.start();
        return compaction;
    }

    /** Compacts now, step after step, until the file is packed or {@code goOn} says stop. For tests and benches. */
    public static Report compactNow(LedgerWriter writer, BooleanSupplier goOn) {
        return run(writer, goOn);
    }

    /**
     * The bytes of data the ledger file at {@code file} holds: the size of a compacted copy of it,
     * written as {@code SHUTDOWN COMPACT} writes one (every live page once, in full chunks), made
     * in {@code scratch} and deleted. The file must not be open for writing.
     */
    public static long dataBytes(Path file, Path scratch) {
        Path copy = scratch.resolve("compacted-copy-" + UUID.randomUUID() + ".mv.db");
        try {
            Files.copy(file, copy);
            MVStoreTool.compact(copy.toString(), false);
            return Files.size(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a compacted copy of " + file + " in " + scratch, e);
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                LOG.log(Level.FINE, "leaving " + copy, e);
            }
        }
    }

    /** What the newest run did, if one ran. */
    public Optional<Report> lastRun() {
        return Optional.ofNullable(last);
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(CHECK_EVERY);
                if (writer.quietFor().compareTo(quiet) >= 0 && System.nanoTime() - nextRunNanos >= 0) {
                    long groups = writer.groupsWritten();
                    Report report = run(writer, () -> !closed && writer.groupsWritten() == groups);
                    last = report;
                    if (report.finished()) {
                        nextRunNanos = System.nanoTime() + EVERY.toNanos();
                    }
                    if (report.steps() > 1) {
                        LOG.info(report.toString());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ledger compaction failed; the ledger is not affected, the next quiet spell tries again", e);
            }
        }
    }

    private static Report run(LedgerWriter writer, BooleanSupplier goOn) {
        long started = System.nanoTime();
        long before = writer.maintain(handle -> store(handle).getFileStore().size());
        int steps = 0;
        long longest = 0;
        long waitingSince = 0;
        boolean finished = false;
        while (goOn.getAsBoolean()) {
            long stepStarted = System.nanoTime();
            Step step = writer.maintain(LedgerCompaction::step);
            longest = Math.max(longest, System.nanoTime() - stepStarted);
            steps++;
            if (step.outcome() == Outcome.PACKED) {
                finished = true;
                break;
            }
            if (step.outcome() == Outcome.PROGRESS) {
                waitingSince = 0;
                continue;
            }
            // Dead chunks wait out H2's retention time before their space is free.
            waitingSince = waitingSince == 0 ? System.nanoTime() : waitingSince;
            if (System.nanoTime() - waitingSince > step.retention().plus(CHECK_EVERY).toNanos()) {
                finished = true;
                break;
            }
            sleep(WAIT_BETWEEN_TRIES);
        }
        long after = writer.maintain(handle -> store(handle).getFileStore().size());
        return new Report(before, after, steps, Duration.ofNanos(longest), Duration.ofNanos(System.nanoTime() - started), finished);
    }

    /** One bounded step on the writer's connection; the writer forces the file after it. */
    private static Step step(Handle handle) {
        MVStore store = store(handle);
        FileStore<?> file = store.getFileStore();
        Duration retention = Duration.ofMillis(Math.max(0, store.getRetentionTime()));
        if (file.getChunksFillRate() < REWRITE_BELOW_PERCENT && store.compact(REWRITE_BELOW_PERCENT, REWRITE_BYTES)) {
            store.commit();
            return new Step(Outcome.PROGRESS, retention);
        }
        long size = file.size();
        int fill = file.getFillRate();
        if (file instanceof RandomAccessStore packable) {
            // Frees dead chunks older than the retention time, then moves chunks only while the file is under PACK_BELOW.
            packable.compactMoveChunks(PACK_BELOW_PERCENT, MOVE_BYTES, store);
        }
        if (file.size() < size || file.getFillRate() != fill) {
            return new Step(Outcome.PROGRESS, retention);
        }
        boolean packed = file.getChunksFillRate() >= REWRITE_BELOW_PERCENT && file.getFillRate() >= PACK_BELOW_PERCENT;
        return new Step(packed ? Outcome.PACKED : Outcome.WAITING, retention);
    }

    /** The MVStore under the writer's connection: H2 offers online compaction there, not in SQL. */
    static MVStore store(Handle handle) {
        try {
            SessionLocal session = (SessionLocal) handle.getConnection().unwrap(JdbcConnection.class).getSession();
            return session.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger's connection is not H2's own", e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private enum Outcome { PROGRESS, WAITING, PACKED }

    private record Step(Outcome outcome, Duration retention) {
    }

    /**
     * One run: the file's size before and after, how many steps it took, the longest one (the most
     * a write that arrived meanwhile waited), and whether it finished or stopped for a write.
     */
    public record Report(long bytesBefore, long bytesAfter, int steps, Duration longestStep, Duration took, boolean finished) {
        @Override
        public String toString() {
            return String.format("ledger file compacted while the store was quiet: %,d -> %,d bytes in %d steps over %.1f s, "
                    + "the longest %d ms%s", bytesBefore, bytesAfter, steps, took.toMillis() / 1e3, longestStep.toMillis(),
                    finished ? "" : " (stopped for a write)");
        }
    }
}
