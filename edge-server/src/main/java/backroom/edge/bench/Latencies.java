package backroom.edge.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, collected by many threads, summarised as percentiles. */
final class Latencies {

    private long[] nanos = new long[1 << 16];
    private int count;

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code p}-th percentile (0-100) in milliseconds. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
