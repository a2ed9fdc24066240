package backroom.edge.ledger;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the writer's groups went since the box started: how many writes each group carried and how
 * long each took to force to disk, counted into fixed buckets (the figures a Prometheus histogram
 * shows). Recorded on the writer's thread, read by anyone.
 */
public final class GroupCommits {

    /** Upper bounds of the size buckets: writes in one group, up to the writer's largest group. */
    public static final List<Long> SIZE_BOUNDS = List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L);
    /** Upper bounds of the sync-time buckets, in microseconds: from a quick SSD to a slow SD card. */
    public static final List<Long> SYNC_MICROS_BOUNDS = List.of(250L, 500L, 1_000L, 2_500L, 5_000L, 10_000L, 25_000L, 50_000L,
            100_000L, 250_000L, 1_000_000L);

    private final AtomicLongArray sizes = new AtomicLongArray(SIZE_BOUNDS.size());
    private final AtomicLongArray syncs = new AtomicLongArray(SYNC_MICROS_BOUNDS.size());
    private final LongAdder groups = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder syncMicros = new LongAdder();

    void record(int groupSize, long syncNanos) {
        long micros = syncNanos / 1_000;
        count(sizes, SIZE_BOUNDS, groupSize);
        count(syncs, SYNC_MICROS_BOUNDS, micros);
        writes.add(groupSize);
        syncMicros.add(micros);
        groups.increment();
    }

    /** Each value is counted in the first bucket whose bound holds it; above the last, in none (the total has it). */
    private static void count(AtomicLongArray buckets, List<Long> bounds, long value) {
        for (int i = 0; i < bounds.size(); i++) {
            if (value <= bounds.get(i)) {
                buckets.incrementAndGet(i);
                return;
            }
        }
    }

    /** The figures as they stand, each bucket counting the groups at or under its bound (cumulative, as Prometheus wants). */
    public Snapshot snapshot() {
        return new Snapshot(groups.sum(), writes.sum(), syncMicros.sum(), cumulative(sizes), cumulative(syncs));
    }

    private static List<Long> cumulative(AtomicLongArray buckets) {
        Long[] running = new Long[buckets.length()];
        long sum = 0;
        for (int i = 0; i < running.length; i++) {
            sum += buckets.get(i);
            running[i] = sum;
        }
        return List.of(running);
    }

    /**
     * {@code sizeBuckets.get(i)}: groups of at most {@code SIZE_BOUNDS.get(i)} writes;
     * {@code syncBuckets.get(i)}: syncs of at most {@code SYNC_MICROS_BOUNDS.get(i)} microseconds.
     */
    public record Snapshot(long groups, long writes, long syncMicros, List<Long> sizeBuckets, List<Long> syncBuckets) {
    }
}
