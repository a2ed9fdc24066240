package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.ChildBox;
import backroom.edge.testing.LiveScreen;
import backroom.edge.testing.RawRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with a 3-second idle timeout: a connection that sends nothing, or stops half-way
 * through its headers or its body, is closed; a screen on the live feed that sends nothing stays,
 * as the box pings it and its client answers.
 */
class IdleConnectionsTest {

    static final Duration IDLE = Duration.ofSeconds(3);

    @TempDir
    Path data;

    @Test
    void silentConnectionsAndStalledHeadersAreClosedAfterTheIdleTimeoutWhileAQuietScreenStays() throws InterruptedException {
        try (ChildBox box = ChildBox.start(data, 0, Map.of("BACKROOM_IDLE_TIMEOUT_SECONDS", Long.toString(IDLE.toSeconds())));
             LiveScreen screen = LiveScreen.connect(box.port(), "token=" + box.api().token());
             RawRequest silent = RawRequest.send(box.port(), "");
             RawRequest stalled = RawRequest.send(box.port(), "GET /observe/health HTTP/1.1\r\nHost: box\r\n")) {
            assertThat(silent.closedByBox(IDLE.multipliedBy(3))).as("the silent connection closed by the box").isTrue();
            assertThat(stalled.closedByBox(IDLE)).as("the stalled headers' connection closed by the box").isTrue();
            Thread.sleep(IDLE.toMillis());
            assertThat(screen.isClosed()).as("the quiet screen closed").isFalse();

            String shift = box.api().openShift("quiet-1");
            JsonNode opened = screen.next();

            assertThat(opened.path("type").asText()).isEqualTo("shift.opened");
            assertThat(opened.path("data").path("shiftId").asText()).isEqualTo(shift);
            assertThat(box.output()).doesNotContain("WARNING").doesNotContain("SEVERE");
        }
    }

    @Test
    void aBodyThatStopsHalfWayIsCutOffAndARefusalBeforeTheBodyClosesItsConnection() {
        String sevenOfAHundred = "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"code\"";
        try (ChildBox box = ChildBox.start(data, 0, Map.of("BACKROOM_IDLE_TIMEOUT_SECONDS", Long.toString(IDLE.toSeconds())));
             RawRequest pairing = RawRequest.send(box.port(), "POST /api/v1/devices/pair HTTP/1.1\r\nHost: box\r\n" + sevenOfAHundred);
             RawRequest unsigned = RawRequest.send(box.port(), "POST /api/v1/sales HTTP/1.1\r\nHost: box\r\n" + sevenOfAHundred)) {
            assertThat(unsigned.statusLine(IDLE)).as("refused before its body is read").hasValue("HTTP/1.1 401 Unauthorized");
            assertThat(unsigned.closedByBox(IDLE.multipliedBy(3))).as("its connection closed, not left waiting for the body").isTrue();
            assertThat(pairing.closedByBox(IDLE.multipliedBy(3))).as("the stalled body's connection closed by the box").isTrue();
            assertThat(RawRequest.answersOk(box.port(), "/observe/health", IDLE)).isTrue();
        }
    }

    @Test
    void aBodyTrickledAfterItsAnswerOrBehindAnUpgradeHeaderIsCutOffToo() {
        try (ChildBox box = ChildBox.start(data, 0, Map.of("BACKROOM_IDLE_TIMEOUT_SECONDS", Long.toString(IDLE.toSeconds())));
             RawRequest answeredFirst = RawRequest.send(box.port(), "GET / HTTP/1.1\r\nHost: box\r\nContent-Length: 60000000\r\n\r\nx");
             RawRequest upgradeWithBody = RawRequest.send(box.port(), "POST /api/v1/devices/pair HTTP/1.1\r\nHost: box\r\n"
                     + "Upgrade: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"code\"")) {
            answeredFirst.trickle(Duration.ofMillis(500));
            upgradeWithBody.trickle(Duration.ofMillis(500));

            assertThat(answeredFirst.statusLine(IDLE)).hasValue("HTTP/1.1 200 OK");
            assertThat(answeredFirst.closedByBox(IDLE.multipliedBy(3))).as("the body trickled after its answer").isTrue();
            assertThat(upgradeWithBody.closedByBox(IDLE.multipliedBy(3))).as("the body behind an Upgrade header").isTrue();
        }
    }
}
