package backroom.edge.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * transaction open: rewrite the live pages of chunks at most {@link #REWRITE_AT_MOST_PERCENT} live
 * (about {@link #REWRITE_BYTES} of them, more for a chunk that holds more; the emptiest and
 * oldest first; {@link ChunkRewrite}) into a new chunk, commit, and force it to disk (the old
 * chunks are then dead), while the chunks are under {@link #REWRITE_WHILE_BELOW_PERCENT} live
 * together and until none is left (or the run has rewritten twice what the file held live when it
 * began); or free the dead chunks, move chunks from the end of the file into free space and cut
 * the file short ({@link #MOVE_BYTES}, more if a larger chunk is in the way; H2 forcing the file
 * before it overwrites or cuts anything). Writes are never held up for more than one step: a step runs only
 * while no write waits, and a run stops at the first write after it began.
 *
 * <p>A run sets H2's retention time to 0 while it goes on (as H2's own {@code compactFile} does)
 * and puts it back after. H2 neither rewrites nor frees a chunk younger than that time (45 s), so
 * with it a run could not touch the newest sales' chunks or its own output, and left a file of
 * 60,000 entries at 2.34x its data; without it, 10,000 sales' 543 MB packed to 72 MB in 28.5 s.
 *
 * <p>Crash safety comes from H2 and the forcing: a rewrite is an ordinary commit; H2 overwrites
 * only chunks dead at a version older than every one still in use, and every version is forced
 * to disk before the next step or group of writes begins, so no chunk a version on disk still
 * needs is overwritten; a move writes a chunk's copy and the file's new chunk list, forced, before
 * the old place is reused. {@code CompactionPowerCutTest} cuts the power at the run's disk
 * operations one by one; {@code CompactionCrashTest} kills the box during its runs.
 */
public final class LedgerCompaction implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LedgerCompaction.class.getName());
    /** A store that has written nothing for this long is quiet. */
    public static final Duration QUIET = Duration.ofSeconds(60);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    /** How each run's first line in the log begins. */
    public static final String STARTED = "compacting the ledger file while the store is quiet";
    /** How each run's last line in the log begins. */
    public static final String COMPACTED = "ledger file compacted while the store was quiet";
    private static final Duration WAIT_BETWEEN_TRIES = Duration.ofSeconds(1);
    /** How long past the retention time a run waits for dead chunks to free up before it ends. */
    private static final Duration WAIT_FOR_FREE_SPACE = Duration.ofSeconds(5);
    /**
     * A chunk at most this share live is rewritten: the sparse chunks of the sales since the last
     * run, not the packed ones of earlier runs that new sales have thinned a little.
     */
    static final int REWRITE_AT_MOST_PERCENT = 70;
    /**
     * Rewriting goes on while the chunks are less live than this together. Past it, a rewrite's
     * new parent pages thin other chunks as fast as it packs: a run on a packed file of 200,000
     * entries (chunks 78% live) rewrote for 104 s, 1,059 steps, and the file did not change.
     */
    static final int REWRITE_WHILE_BELOW_PERCENT = 75;
    /** Chunks are moved while less than this share of the file is in chunks. */
    static final int PACK_BELOW_PERCENT = 90;
    /**
     * Live bytes one rewrite step copies. It also sizes the chunk it leaves, and a move step
     * moves only chunks smaller than its size: with 1 MB moves nothing moved.
     */
    static final int REWRITE_BYTES = 1 << 20;
    /** The most live bytes one rewrite step copies, for a chunk that holds more than {@link #REWRITE_BYTES}. */
    static final int MOST_REWRITE_BYTES = 64 << 20;
    static final long MOVE_BYTES = 4 << 20;
    /**
     * H2 moves only chunks that fit in a move step, and a chunk written as the box stopped can be
     * larger than {@link #MOVE_BYTES} (4.5 MB after 2,000 sales): one in the way kept a 100 MB
     * file from shrinking at all, where one move of 64 MB packed it to 11.6 MB. A move step that
     * frees nothing doubles the next one's size, up to this; one that does starts again from 4 MB.
     */
    static final long MOST_MOVE_BYTES = 1L << 30;

    private final LedgerWriter writer;
    private final Duration quiet;
    private final Duration checkEvery;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Report last;

    private LedgerCompaction(LedgerWriter writer, Duration quiet) {
        this.writer = writer;
        this.quiet = quiet;
        this.checkEvery = quiet.compareTo(CHECK_EVERY) < 0 ? quiet : CHECK_EVERY;
        this.thread = Thread.ofPlatform().name("ledger-compaction").daemon(true).unstarted(this::watch);
    }

    /** Compacts the file once in each spell of at least {@code quiet} without a write. */
    public static LedgerCompaction whenQuiet(LedgerWriter writer, Duration quiet) {
        if (quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("the quiet time before a compaction must be above zero, not " + quiet);
        }
        ChunkRewrite.requireReachable();
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
        long packedAt = -1;
        while (!closed) {
            try {
                Thread.sleep(checkEvery);
                long groups = writer.groupsWritten();
                if (groups != packedAt && writer.quietFor().compareTo(quiet) >= 0) {
                    Report report = run(writer, () -> !closed && writer.groupsWritten() == groups);
                    last = report;
                    packedAt = report.finished() ? groups : packedAt;
                    // Every run, the ones that find the file packed too: once a quiet spell, and the bench waits for it.
                    LOG.info(report.toString());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ledger compaction failed; the ledger is not affected, the next quiet spell tries again", e);
            }
        }
    }

    private static Report run(LedgerWriter writer, BooleanSupplier goOn) {
        int retention = writer.maintain(handle -> withRetention(MvStores.under(handle), 0));
        try {
            return runSteps(writer, goOn);
        } finally {
            writer.maintain(handle -> withRetention(MvStores.under(handle), retention));
        }
    }

    /** Sets H2's retention time to {@code millis}; returns what it was. */
    private static int withRetention(MVStore store, int millis) {
        int was = store.getRetentionTime();
        store.setRetentionTime(millis);
        return was;
    }

    private static Report runSteps(LedgerWriter writer, BooleanSupplier goOn) {
        long started = System.nanoTime();
        long before = writer.maintain(handle -> MvStores.under(handle).getFileStore().size());
        int steps = 0;
        long longest = 0;
        long waitingSince = 0;
        long saidAt = started;
        long moveBytes = MOVE_BYTES;
        long rewritesLeft = writer.maintain(handle -> {
            FileStore<?> file = MvStores.under(handle).getFileStore();
            return rewriteSteps(file.size(), file.getFillRate(), file.getChunksFillRate());
        });
        boolean finished = false;
        while (goOn.getAsBoolean()) {
            long stepStarted = System.nanoTime();
            long moving = moveBytes;
            boolean mayRewrite = rewritesLeft > 0;
            Step step = writer.maintain(handle -> step(handle, moving, mayRewrite));
            rewritesLeft -= step.rewrote() ? 1 : 0;
            longest = Math.max(longest, System.nanoTime() - stepStarted);
            steps++;
            if (steps == 1 && step.outcome() != Outcome.PACKED) {
                LOG.info(String.format("%s: %,d bytes, chunks %d%% live", STARTED, before, step.chunksLive()));
            } else if (System.nanoTime() - saidAt > PROGRESS_EVERY.toNanos()) {
                saidAt = System.nanoTime();
                LOG.info(String.format("%s: %d steps so far over %.0f s, the file %,d bytes, chunks %d%% live", STARTED, steps,
                        (saidAt - started) / 1e9, step.fileBytes(), step.chunksLive()));
            }
            if (step.outcome() == Outcome.PACKED) {
                finished = true;
                break;
            }
            if (step.outcome() == Outcome.PROGRESS) {
                waitingSince = 0;
                moveBytes = MOVE_BYTES;
                continue;
            }
            // Dead chunks wait out H2's retention time before their space is free; or a chunk too big to move is in the way.
            moveBytes = Math.min(2 * moveBytes, MOST_MOVE_BYTES);
            waitingSince = waitingSince == 0 ? System.nanoTime() : waitingSince;
            if (System.nanoTime() - waitingSince > step.retention().plus(WAIT_FOR_FREE_SPACE).toNanos()) {
                finished = true;
                break;
            }
            sleep(WAIT_BETWEEN_TRIES);
        }
        Report.End end = writer.maintain(handle -> {
            FileStore<?> file = MvStores.under(handle).getFileStore();
            return new Report.End(file.size(), file.getChunksFillRate(), file.getFillRate());
        });
        return new Report(before, end.bytes(), steps, Duration.ofNanos(longest), Duration.ofNanos(System.nanoTime() - started), finished,
                end.chunksLive(), end.fileInChunks());
    }

    /** One bounded step on the writer's connection; the writer forces the file after it. */
    private static Step step(Handle handle, long moveBytes, boolean mayRewrite) {
        MVStore store = MvStores.under(handle);
        FileStore<?> file = store.getFileStore();
        Duration retention = Duration.ofMillis(Math.max(0, store.getRetentionTime()));
        if (mayRewrite && file.getChunksFillRate() < REWRITE_WHILE_BELOW_PERCENT && rewriteSome(store)) {
            store.commit();
            return new Step(Outcome.PROGRESS, true, retention, file.size(), file.getChunksFillRate());
        }
        long size = file.size();
        int fill = file.getFillRate();
        if (file instanceof RandomAccessStore packable) {
            // Frees dead chunks older than the retention time, then moves chunks only while the file is under PACK_BELOW.
            packable.compactMoveChunks(PACK_BELOW_PERCENT, moveBytes, store);
        }
        int chunksLive = file.getChunksFillRate();
        if (file.size() < size || file.getFillRate() != fill) {
            return new Step(Outcome.PROGRESS, false, retention, file.size(), chunksLive);
        }
        // No chunk left to rewrite (or the run's rewriting spent), and nothing to move.
        boolean packed = file.getFillRate() >= PACK_BELOW_PERCENT;
        return new Step(packed ? Outcome.PACKED : Outcome.WAITING, false, retention, file.size(), chunksLive);
    }

    /**
     * Rewrites the sparse chunks whose live bytes fit in {@link #REWRITE_BYTES}, or in twice that,
     * and so on up to {@link #MOST_REWRITE_BYTES}: H2 takes only chunks that fit, whole, and after
     * 40,000 entries the chunk of one group of sales held more than 1 MB live, so that a run with
     * 1,528 chunks at most 70% live found none to rewrite and left the file at 2.1x its data.
     */
    private static boolean rewriteSome(MVStore store) {
        for (int limit = REWRITE_BYTES; limit <= MOST_REWRITE_BYTES; limit *= 2) {
            if (ChunkRewrite.chunksAtMost(store, REWRITE_AT_MOST_PERCENT, limit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rewrite steps a run may take: enough to copy the file's live data twice, a bound should
     * rewriting ever stop gaining. Rewriting every chunk up to 80% live (the old, packed ones
     * included) spent one pass by the third round of 10,000 sales and left the file at 2.1x its
     * data; chunks at most {@link #REWRITE_AT_MOST_PERCENT} live are the sparse ones.
     */
    static long rewriteSteps(long fileBytes, int fileInChunksPercent, int chunksLivePercent) {
        long liveBytes = fileBytes * fileInChunksPercent / 100 * chunksLivePercent / 100;
        return 2 * (liveBytes / REWRITE_BYTES + 1);
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

    private record Step(Outcome outcome, boolean rewrote, Duration retention, long fileBytes, int chunksLive) {
    }

    /**
     * One run: the file's size before and after, how many steps it took, the longest one (the most
     * a write that arrived meanwhile waited), whether it finished or stopped for a write, and at
     * the end how live the chunks were and how much of the file they filled (percent).
     */
    public record Report(long bytesBefore, long bytesAfter, int steps, Duration longestStep, Duration took, boolean finished,
            int chunksLive, int fileInChunks) {
        @Override
        public String toString() {
            return String.format(COMPACTED + ": %,d -> %,d bytes in %d steps over %.1f s, "
                    + "the longest %d ms; chunks %d%% live, %d%% of the file in chunks%s", bytesBefore, bytesAfter, steps,
                    took.toMillis() / 1e3, longestStep.toMillis(), chunksLive, fileInChunks, finished ? "" : " (stopped for a write)");
        }

        private record End(long bytes, int chunksLive, int fileInChunks) {
        }
    }
}
