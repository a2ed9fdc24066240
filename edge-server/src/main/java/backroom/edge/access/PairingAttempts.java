package backroom.edge.access;

import backroom.edge.web.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A six-digit code has a million values and pairing needs no token, so wrong codes are counted
 * box-wide: after {@value #MAX_WRONG} in ten minutes pairing is refused until the oldest ages out.
 * Guessing a live code then takes months, not the ten minutes a code lives; a flood of wrong codes
 * can only delay a technician, never pair a device.
 */
final class PairingAttempts {

    static final int MAX_WRONG = 20;
    private static final Duration WINDOW = PairingCodes.LIFE;

    private final Clock clock;
    private final Deque<Instant> wrong = new ArrayDeque<>();

    PairingAttempts(Clock clock) {
        this.clock = clock;
    }

    synchronized void requireOpen() {
        Instant now = clock.instant();
        while (!wrong.isEmpty() && !wrong.peekFirst().plus(WINDOW).isAfter(now)) {
            wrong.removeFirst();
        }
        if (wrong.size() >= MAX_WRONG) {
            Duration wait = Duration.between(now, wrong.peekFirst().plus(WINDOW));
            throw Problem.tooManyTries("code", "too many wrong pairing codes; try again in "
                    + Math.max(1, wait.toSeconds()) + " s", wait);
        }
    }

    synchronized void wrongCode() {
        wrong.addLast(clock.instant());
    }
}
