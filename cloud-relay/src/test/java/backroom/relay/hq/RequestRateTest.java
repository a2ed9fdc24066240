package backroom.relay.hq;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.relay.wire.StoreId;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestRateTest {

    private static final StoreId S1 = new StoreId("kopi", "s1");
    private static final StoreId S2 = new StoreId("kopi", "s2");

    @Test
    void eachStoreHasItsOwnRequestsASecondAndANewSecondStartsAgain() {
        RequestRate rate = new RequestRate(3);
        assertThat(IntStream.range(0, 5).mapToObj(i -> rate.admit(S1, 10_000 + i))).containsExactly(true, true, true, false, false);
        assertThat(rate.admit(S2, 10_999)).as("another store's own three").isTrue();
        assertThat(rate.admit(S1, 10_999)).as("still the same second").isFalse();
        assertThat(rate.admit(S1, 11_000)).as("a new second").isTrue();
        assertThat(rate.admit(S1, 11_001)).isTrue();
        assertThat(rate.admit(S1, 11_002)).isTrue();
        assertThat(rate.admit(S1, 11_003)).isFalse();
    }
}
