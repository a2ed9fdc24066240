package backroom.edge.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bump bar profiles as the box reads them from {@code device-profiles/}. */
class BumpBarProfileTest {

    @Test
    void theKb1700ProfileMapsDigitsToBumpsAndZeroAndRToRecall() {
        BumpBarProfile profile = BumpBarProfile.load("logic-controls-kb1700");

        assertThat(profile.baud()).isEqualTo(9600);
        assertThat(profile.actionOf("3")).contains(new BumpBarProfile.KeyAction("bump", 3));
        assertThat(profile.actionOf("0")).contains(new BumpBarProfile.KeyAction("recall", null));
        assertThat(profile.actionOf("R")).contains(new BumpBarProfile.KeyAction("recall", null));
        assertThat(profile.actionOf("R").orElseThrow().recall()).isTrue();
        assertThat(profile.actionOf("3").orElseThrow().recall()).isFalse();
        assertThat(profile.actionOf("x")).isEmpty();
    }

    @Test
    void theGpioButtonsAreBumpTheOldestAndRecall() {
        BumpBarProfile profile = BumpBarProfile.load("gpio-bump-buttons");

        assertThat(profile.keys()).containsExactly(
                Map.entry("1", new BumpBarProfile.KeyAction("bump", 1)),
                Map.entry("2", new BumpBarProfile.KeyAction("recall", null)));
    }

    @Test
    void anUnknownProfileAnIdThatCouldNameAPathAndAnotherKindAreRefused() {
        assertThat(catchThrowable(() -> BumpBarProfile.load("no-such-bar")))
                .isInstanceOf(UnknownProfileException.class).hasMessage("no device profile no-such-bar in device-profiles/");
        for (String bad : new String[] {"../pom", "Logic-Controls", "a/b", "", "x".repeat(65)}) {
            assertThat(catchThrowable(() -> BumpBarProfile.load(bad)))
                    .as(bad).isInstanceOf(UnknownProfileException.class).hasMessageContaining("is no device profile id");
        }
        assertThat(catchThrowable(() -> DeviceProfiles.load("keyboard-bump-bar", "printer")))
                .isInstanceOf(UnknownProfileException.class).hasMessage("device profile keyboard-bump-bar is no printer");
    }

    @Test
    void aProfileWhoseKeysDoWhatNoBarCanOrThatMapsNoKeyIsRefused() {
        assertThat(catchThrowable(() -> BumpBarProfile.load("test-bar-that-explodes")))
                .isInstanceOf(UnknownProfileException.class)
                .hasMessage("device profile test-bar-that-explodes: a key must 'recall' or 'bump 1'-'bump 9', not 'bump 10'");
        assertThat(catchThrowable(() -> BumpBarProfile.load("test-bar-with-no-keys")))
                .isInstanceOf(UnknownProfileException.class).hasMessage("device profile test-bar-with-no-keys maps no keys");
    }
}
