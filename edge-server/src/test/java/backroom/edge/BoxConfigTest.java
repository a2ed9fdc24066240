package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The box's settings, read once from the environment. */
class BoxConfigTest {

    @Test
    void anEmptyEnvironmentGivesPort8080NoSetConnectionCapAndASixtySecondIdleTimeout() {
        BoxConfig config = BoxConfig.fromEnvironment(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.maxConnections()).isEqualTo(OptionalInt.empty());
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void connectionCapAndIdleTimeoutAreReadFromTheEnvironment() {
        BoxConfig config = BoxConfig.fromEnvironment(Map.of("BACKROOM_MAX_CONNECTIONS", "40", "BACKROOM_IDLE_TIMEOUT_SECONDS", "20"));

        assertThat(config.maxConnections()).isEqualTo(OptionalInt.of(40));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theLedgerIsCompactedAfterSixtySecondsOfQuietUnlessTheEnvironmentSaysOtherwise() {
        assertThat(BoxConfig.fromEnvironment(Map.of()).compactAfterQuiet()).isEqualTo(Duration.ofSeconds(60));
        assertThat(BoxConfig.fromEnvironment(Map.of("BACKROOM_COMPACT_AFTER_QUIET_SECONDS", "5")).compactAfterQuiet())
                .isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> BoxConfig.fromEnvironment(Map.of("BACKROOM_COMPACT_AFTER_QUIET_SECONDS", "0")))
                .hasMessage("BACKROOM_COMPACT_AFTER_QUIET_SECONDS must be a number of seconds from 1 to 86400, not '0'");
    }

    @Test
    void idleConnectionsAreLookedForEveryQuarterOfTheTimeoutFromOneToFifteenSeconds() {
        assertThat(idleCheckEvery("3")).isEqualTo(Duration.ofSeconds(1));
        assertThat(idleCheckEvery("20")).isEqualTo(Duration.ofSeconds(5));
        assertThat(idleCheckEvery("60")).isEqualTo(Duration.ofSeconds(15));
        assertThat(idleCheckEvery("600")).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aValueThatIsNotANumberInRangeIsRefusedNamingTheVariableAndTheRange() {
        assertThatThrownBy(() -> BoxConfig.fromEnvironment(Map.of("BACKROOM_MAX_CONNECTIONS", "lots")))
                .hasMessage("BACKROOM_MAX_CONNECTIONS must be a number of connections from 1 to 100000, not 'lots'");
        assertThatThrownBy(() -> BoxConfig.fromEnvironment(Map.of("BACKROOM_MAX_CONNECTIONS", "0")))
                .hasMessage("BACKROOM_MAX_CONNECTIONS must be a number of connections from 1 to 100000, not '0'");
        assertThatThrownBy(() -> BoxConfig.fromEnvironment(Map.of("BACKROOM_IDLE_TIMEOUT_SECONDS", "1")))
                .hasMessage("BACKROOM_IDLE_TIMEOUT_SECONDS must be a number of seconds from 3 to 3600, not '1'");
        assertThatThrownBy(() -> BoxConfig.fromEnvironment(Map.of("BACKROOM_HTTP_PORT", "http")))
                .hasMessage("BACKROOM_HTTP_PORT must be a port number from 0 to 65535, not 'http'");
    }

    private static Duration idleCheckEvery(String timeoutSeconds) {
        return BoxConfig.fromEnvironment(Map.of("BACKROOM_IDLE_TIMEOUT_SECONDS", timeoutSeconds)).idleCheckEvery();
    }
}
