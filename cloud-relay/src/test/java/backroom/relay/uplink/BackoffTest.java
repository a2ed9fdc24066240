package backroom.relay.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration CAP = Duration.ofSeconds(30);

    /** Always draws the smallest or the largest wait. */
    private static RandomGenerator always(boolean largest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return largest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void theWaitDoublesWithEachFailureUpToTheCap() {
        long[] largest = new long[8];
        for (int failures = 0; failures < largest.length; failures++) {
            largest[failures] = Backoff.millis(failures, CAP, always(true));
        }
        assertThat(largest).containsExactly(500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000);
        assertThat(Backoff.millis(1_000, CAP, always(true))).isEqualTo(30_000);
    }

    @Test
    void eachWaitIsAtLeastHalfOfItsCeiling() {
        assertThat(Backoff.millis(0, CAP, always(false))).isEqualTo(250);
        assertThat(Backoff.millis(3, CAP, always(false))).isEqualTo(2_000);
        assertThat(Backoff.millis(10, CAP, always(false))).isEqualTo(15_000);
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            assertThat(Backoff.millis(2, CAP, random)).isBetween(1_000L, 2_000L);
        }
    }
}
