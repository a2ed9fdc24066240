package backroom.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.ChildBox;
import backroom.edge.testing.RawRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server's log, when clients send half a request and close the connection. */
class HalfSentRequestsTest {

    static final int REQUESTS = 200;

    @TempDir
    Path data;

    @Test
    void requestsCutOffInTheirHeadersByTheClientAddAtMostOneLogLineEach() throws InterruptedException {
        try (ChildBox box = ChildBox.start(data)) {
            long before = box.output().lines().count();

            for (int i = 0; i < REQUESTS; i++) {
                RawRequest.send(box.port(), "GET /api/v1/catalog HTTP/1.1\r\nHo").close();
            }

            assertThat(RawRequest.answersOk(box.port(), "/observe/health", Duration.ofSeconds(10))).isTrue();
            long after = linesOnceQuiet(box);
            assertThat(after - before).as("log lines added").isLessThanOrEqualTo(REQUESTS);
            assertThat(box.output()).doesNotContain("InsufficientDataAvailableException");
        }
    }

    /** The box's output lines once a second has gone by without a new one (at most ten seconds). */
    private static long linesOnceQuiet(ChildBox box) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        long lines = box.output().lines().count();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
            long now = box.output().lines().count();
            if (now == lines) {
                return now;
            }
            lines = now;
        }
        return lines;
    }
}
