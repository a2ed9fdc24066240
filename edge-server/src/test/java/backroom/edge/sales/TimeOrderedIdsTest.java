package backroom.edge.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsFromLaterMillisecondsSortLaterAsText() {
        List<String> ids = new ArrayList<>();
        Random random = new Random(7);
        for (long millis = 1_795_000_000_000L; millis < 1_795_000_000_050L; millis++) {
            Clock clock = Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
            ids.add(new TimeOrderedIds(clock, random).get().toString());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(ids.getFirst());
        assertThat(ids).allSatisfy(id -> {
            assertThat(UUID.fromString(id).version()).isEqualTo(7);
            assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        });
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(1_795_000_000_000L);
    }
}
