package backroom.relay.uplink;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next connect: 0.5 s, doubling with each failure in a row, up to a
 * cap; each wait a random 50-100% of that, so boxes that lost the broker together do not all come
 * back in the same second.
 */
final class Backoff {

    static final long FIRST_MILLIS = 500;

    private Backoff() {
    }

    static long millis(int failures, Duration cap, RandomGenerator random) {
        long ceiling = Math.min(cap.toMillis(), FIRST_MILLIS << Math.min(Math.max(failures, 0), 20));
        return ceiling / 2 + random.nextLong(ceiling / 2 + 1);
    }
}
