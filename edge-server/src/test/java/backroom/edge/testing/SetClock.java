package backroom.edge.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that reads what the test set, or that moves on by a step at every reading. */
public final class SetClock extends Clock {

    private final AtomicReference<Instant> now;
    private final Duration stepPerReading;

    private SetClock(Instant start, Duration stepPerReading) {
        this.now = new AtomicReference<>(start);
        this.stepPerReading = stepPerReading;
    }

    public static SetClock at(Instant start) {
        return new SetClock(start, Duration.ZERO);
    }

    /** Each reading a millisecond after the one before. */
    public static SetClock ticking(Instant start) {
        return new SetClock(start, Duration.ofMillis(1));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.updateAndGet(time -> time.plus(stepPerReading));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
