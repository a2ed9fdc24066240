package backroom.edge.sales;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then random bits. Written as text,
 * as the sales tables keep them, they sort by time, so each new sale, its lines and its payments
 * land at the end of their primary-key indexes. With random (version 4) ids every sale in a group
 * dirtied its own index pages, and H2 wrote each of them out again at the group's commit.
 */
public final class TimeOrderedIds implements Supplier<UUID> {

    private final Clock clock;
    private final RandomGenerator random;

    public TimeOrderedIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public UUID get() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
