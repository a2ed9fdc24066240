package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.ChildBox;
import backroom.edge.testing.ConnectionFlood;
import backroom.edge.testing.RawRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server as a child process under a low limit of open files, flooded with more
 * connections than it has file descriptors: it never goes deaf while it lives.
 */
class ConnectionFloodTest {

    /** The child box holds about 90 descriptors once serving (its test classpath has many jars). */
    static final int OPEN_FILES = 400;
    static final int FLOOD = 600;
    static final String HEALTH = "/observe/health";

    @TempDir
    Path data;

    @Test
    void aFloodPastTheBoxsFileDescriptorsWaitsInTheBacklogAndTheBoxServesAgainOnceItEnds() {
        try (ChildBox box = ChildBox.start(data, OPEN_FILES, Map.of())) {
            RawRequest waiting;
            try (ConnectionFlood flood = ConnectionFlood.open(box.port(), FLOOD)) {
                assertThat(flood.opened()).as("connections the box let in before refusing one").isEqualTo(FLOOD);
                waiting = RawRequest.get(box.port(), HEALTH);
                assertThat(waiting.statusLine(Duration.ofSeconds(1))).as("an answer while the flood holds every place").isEmpty();
                assertThat(box.openFiles()).isLessThan(OPEN_FILES);
            }
            try (waiting) {
                assertThat(waiting.statusLine(Duration.ofSeconds(10))).as("the request that waited out the flood")
                        .hasValue("HTTP/1.1 200 OK");
            }
            assertThat(answersWithin(box, Duration.ofSeconds(10))).isTrue();
            assertThat(box.isAlive()).isTrue();
        }
    }

    @Test
    void aListenerThatDiesAnywayEndsTheBoxWithExitCode70ForItsServiceManagerToRestartIt() {
        Map<String, String> aboveTheDescriptors = Map.of("BACKROOM_MAX_CONNECTIONS", Integer.toString(FLOOD));
        try (ChildBox box = ChildBox.start(data, OPEN_FILES, aboveTheDescriptors)) {
            assertThat(box.output()).contains("BACKROOM_MAX_CONNECTIONS=" + FLOOD + " is more than the");
            try (ConnectionFlood flood = ConnectionFlood.open(box.port(), FLOOD)) {
                assertThat(box.awaitOwnExit(Duration.ofSeconds(20))).isEqualTo(70);
            }
            assertThat(box.output()).contains("Too many open files").contains("nothing answers on port " + box.port())
                    .contains("Backroom stopped");
        }
    }

    private static boolean answersWithin(ChildBox box, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            if (RawRequest.answersOk(box.port(), HEALTH, Duration.ofSeconds(1))) {
                return true;
            }
        }
        return false;
    }
}
