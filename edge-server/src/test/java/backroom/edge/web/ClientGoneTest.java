package backroom.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.RecordedLogs;
import backroom.edge.testing.SharedBox;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client that leaves before its body arrives is nobody's failure: one line of detail, no stack trace, no 500. */
class ClientGoneTest {

    private static final Logger PROBLEMS = Logger.getLogger(ProblemResponses.class.getName());

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    @RegisterExtension
    final RecordedLogs logs = new RecordedLogs(Level.ALL);
    private Level levelBefore;

    @BeforeEach
    void showDetail() {
        levelBefore = PROBLEMS.getLevel();
        PROBLEMS.setLevel(Level.FINE);
    }

    @AfterEach
    void hideDetail() {
        PROBLEMS.setLevel(levelBefore);
    }

    @Test
    void aBodyCutShortByTheClientLogsOneLineOfDetailAndNothingWorse() throws Exception {
        String token = box.api().token();
        for (int i = 0; i < 20; i++) {
            try (Socket socket = new Socket("127.0.0.1", box.box().port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/shifts HTTP/1.1\r\nHost: box\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"registerId\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (quietLines() < 20 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(quietLines()).isEqualTo(20);
        assertThat(logs.records()).filteredOn(r -> r.getLevel().intValue() > Level.FINE.intValue())
                .extracting(r -> r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage()).isEmpty();
        assertThat(logs.records()).allSatisfy(r -> assertThat(r.getThrown()).isNull());
    }

    private long quietLines() {
        return logs.records().stream().filter(r -> r.getLevel() == Level.FINE && r.getMessage() != null
                && r.getMessage().startsWith("the client left during POST /api/v1/shifts")).count();
    }
}
