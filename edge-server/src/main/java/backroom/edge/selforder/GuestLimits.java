package backroom.edge.selforder;

import backroom.edge.web.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often a guest may ask: at most {@code most} times a minute per key (a phone's address for new
 * sessions, a session for orders), answered 429 with Retry-After beyond that. Kept in memory: a
 * restart forgets it, which costs a flood a minute at most. The keys it holds are bounded.
 */
final class GuestLimits {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MOST_KEYS = 10_000;

    private final Clock clock;
    private final int most;
    private final Map<String, Deque<Instant>> asked = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MOST_KEYS;
        }
    };

    GuestLimits(Clock clock, int most) {
        this.clock = clock;
        this.most = most;
    }

    /** Counts one more ask under {@code key}; a 429 naming {@code field} when it is one too many. */
    synchronized void take(String key, String field) {
        Instant now = clock.instant();
        Deque<Instant> times = asked.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
        if (times.size() >= most) {
            Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
            throw Problem.tooManyTries(field, "at most " + most + " a minute; try again shortly", wait.isNegative() ? Duration.ZERO : wait);
        }
        times.addLast(now);
    }
}
