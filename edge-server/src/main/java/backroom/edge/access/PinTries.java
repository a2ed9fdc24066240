package backroom.edge.access;

import backroom.edge.access.PinLockouts.Lockout;
import backroom.edge.web.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;

/**
 * Admits PIN checks on a device against its tries left. A PIN check takes a slow
 * PBKDF2 per staff member, and the wrong PIN is recorded only after it, so a device's wrong PINs on
 * disk and its checks still running are counted together, in one locked step: a burst of any size
 * gets no more checks than the lockout allows (read before the checks and recorded after them,
 * 1,000 PINs at once got 63 checked where five should lock the device).
 *
 * <p>The wrong PINs themselves are on disk ({@link PinLockouts}), so a restart forgives none; a
 * check cut short by a restart never told its caller anything.
 */
final class PinTries {

    private final Jdbi jdbi;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Integer> running = new HashMap<>();

    PinTries(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** One admitted PIN check; closing it, however the check ended, gives its place back. */
    interface Admitted extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Admits one PIN check on {@code deviceId}, or refuses it with 429: while the device is locked,
     * and while the checks already running would use up its tries before the lock.
     */
    Admitted admit(String deviceId) {
        lock.lock();
        try {
            Lockout lockout = jdbi.withHandle(handle -> PinLockouts.of(handle, deviceId));
            Instant now = clock.instant();
            if (lockout.lockedAt(now)) {
                throw locked(lockout, Duration.between(now, lockout.lockedUntil()));
            }
            int underWay = running.getOrDefault(deviceId, 0);
            if (underWay >= lockout.triesLeft()) {
                throw Problem.tooManyTries("pin", "the PINs being checked on this device use up its tries before sign-in"
                        + " locks; try again in a moment", Duration.ofSeconds(1));
            }
            running.put(deviceId, underWay + 1);
        } finally {
            lock.unlock();
        }
        return () -> done(deviceId);
    }

    static Problem locked(Lockout lockout, Duration wait) {
        return Problem.tooManyTries("pin", "PIN sign-in on this device is locked after " + lockout.failures()
                + " wrong PINs; try again in " + Math.max(1, wait.toSeconds()) + " s", wait);
    }

    private void done(String deviceId) {
        lock.lock();
        try {
            running.computeIfPresent(deviceId, (device, count) -> count > 1 ? count - 1 : null);
        } finally {
            lock.unlock();
        }
    }
}
