package backroom.edge.bumpbar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A press counts once the pin has held the pressed level a whole window with no edge; times here in ms as nanoseconds. */
class DebounceTest {

    private static final long MS = 1_000_000;
    private final Debounce button = new Debounce(50 * MS, false);

    @Test
    void aBouncingPressCountsOnceAWindowAfterItsLastBounce() {
        for (long t : new long[] {0, 1, 3, 4, 7}) {
            button.edge(t * MS);
        }
        assertThat(button.settled(50 * MS, true)).as("the reading due after the first edge, yet the last was at 7 ms").isFalse();
        assertThat(button.settled(56 * MS, true)).as("1 ms short of the window after the last bounce").isFalse();
        assertThat(button.settled(57 * MS, true)).as("the reading due after the last bounce").isTrue();
        assertThat(button.settled(58 * MS, true)).as("held down: no second press").isFalse();
    }

    @Test
    void aBouncingReleaseCountsNothingAndTheNextPressCountsAgain() {
        button.edge(0);
        assertThat(button.settled(50 * MS, true)).isTrue();
        for (long t : new long[] {300, 302, 303}) {
            button.edge(t * MS);
        }
        assertThat(button.settled(353 * MS, false)).isFalse();
        button.edge(500 * MS);
        assertThat(button.settled(550 * MS, true)).isTrue();
    }

    @Test
    void aSpikeShorterThanTheWindowIsNoPress() {
        button.edge(0);
        button.edge(2 * MS);
        assertThat(button.settled(50 * MS, false)).isFalse();
        assertThat(button.settled(52 * MS, false)).as("the pin is back up when the window ends").isFalse();
        button.edge(100 * MS);
        assertThat(button.settled(150 * MS, true)).as("the next real press").isTrue();
    }

    @Test
    void aButtonHeldAsTheBoxStartsIsNoPressUntilLetGoAndPressedAgain() {
        Debounce held = new Debounce(50 * MS, true);
        assertThat(held.settled(0, true)).isFalse();
        held.edge(100 * MS);
        assertThat(held.settled(150 * MS, false)).isFalse();
        held.edge(200 * MS);
        assertThat(held.settled(250 * MS, true)).isTrue();
    }

    @Test
    void aReadingWithNoEdgeYetDecidesAtOnce() {
        assertThat(button.settled(1, true)).as("no edge seen: nothing to wait for").isTrue();
    }
}
