package backroom.edge.bumpbar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code BACKROOM_BUMP_BARS}: serial bars and GPIO buttons, each bound to a station; a bad binding is refused naming it. */
class BumpBarBindingTest {

    @Test
    void serialBarsTakeTheirSpeedAndProfileOrTheKb1700s() {
        assertThat(BumpBarBinding.parseAll("bar=serial:/dev/ttyUSB0?baud=19200&profile=logic-controls-kb1700; grill=serial:/dev/ttyS1"))
                .containsExactly(new BumpBarBinding("bar", new BumpBarBinding.Serial("/dev/ttyUSB0", 19_200), "logic-controls-kb1700"),
                        new BumpBarBinding("grill", new BumpBarBinding.Serial("/dev/ttyS1", null), "logic-controls-kb1700"));
        assertThat(BumpBarBinding.parseAll(" ")).isEmpty();
    }

    @Test
    void gpioButtonsTakeTheirPinsInKeyOrderADebounceAndTheirActiveLevel() {
        assertThat(BumpBarBinding.parseAll("grill=gpio:17,27;fry=gpio:5?debounce=20&active=high&profile=gpio-bump-buttons;"
                        + "bar=gpio:0,26?debounce=1000"))
                .containsExactly(new BumpBarBinding("grill", new BumpBarBinding.Gpio(List.of(17, 27), 50, false), "gpio-bump-buttons"),
                        new BumpBarBinding("fry", new BumpBarBinding.Gpio(List.of(5), 20, true), "gpio-bump-buttons"),
                        new BumpBarBinding("bar", new BumpBarBinding.Gpio(List.of(0, 26), 1_000, false), "gpio-bump-buttons"));
        assertThat(BumpBarBinding.parse("grill=gpio:4?debounce=1").connection()).isEqualTo(new BumpBarBinding.Gpio(List.of(4), 1, false));
        assertThat(BumpBarBinding.parse("s".repeat(64) + "=gpio:4").station()).as("the longest station name").hasSize(64);
    }

    @Test
    void aBadBindingIsRefusedNamingTheVariableAndTheBinding() {
        for (String bad : List.of("bar", "=serial:/dev/x", "bar=usb:/dev/x", "bar=serial:", "bar=serial:/dev/x?baud=fast",
                "bar=serial:/dev/x?baud=1", "bar=serial:/dev/x?baud=921601", "bar=serial:/dev/x?speed=9600", "bar=serial:/dev/x?baud",
                "bar=serial:/dev/x?debounce=5", "grill=gpio:", "grill=gpio:28", "grill=gpio:-1", "grill=gpio:17,", "grill=gpio:17,17",
                "grill=gpio:GPIO17", "grill=gpio:17?debounce=0", "grill=gpio:17?debounce=1001", "grill=gpio:17?active=up",
                "grill=gpio:17?baud=9600", "s".repeat(65) + "=gpio:17")) {
            assertThat(catchThrowable(() -> BumpBarBinding.parseAll(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("BACKROOM_BUMP_BARS: '" + bad + "'");
        }
        assertThat(catchThrowable(() -> BumpBarBinding.parseAll("bar=serial:/dev/x?=9600")))
                .hasMessage("BACKROOM_BUMP_BARS: 'bar=serial:/dev/x?=9600' each option is name=value");
        assertThat(catchThrowable(() -> BumpBarBinding.parseAll("grill=gpio:17,27;fry=gpio:5,27")))
                .hasMessage("BACKROOM_BUMP_BARS: 'fry=gpio:5,27' uses a GPIO pin that another button already has");
    }
}
