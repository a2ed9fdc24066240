package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.testing.TestBox;
import org.junit.jupiter.api.Test;

/**
 * BACKROOM_BOOTSTRAP_PIN fixes the first technician's PIN (every {@link TestBox} starts with one); a PIN that could
 * never be typed at a till stops the first start.
 */
class BootstrapPinTest {

    @Test
    void aMalformedBootstrapPinStopsTheFirstStartAndSaysWhichSetting() {
        for (String malformed : new String[] {"12a4", "123", "123456789"}) {
            assertThatThrownBy(() -> TestBox.start(config -> config.withBootstrapPin(malformed)))
                    .as(malformed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BACKROOM_BOOTSTRAP_PIN");
        }
    }
}
