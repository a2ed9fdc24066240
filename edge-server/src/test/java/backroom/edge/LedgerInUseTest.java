package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerInUseException;
import backroom.edge.testing.ChildBox;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second box on a data folder that a running box holds is told so, not told the file is damaged. */
class LedgerInUseTest {

    @TempDir
    Path data;

    @Test
    void aLedgerHeldByARunningBoxIsReportedInUseNotDamaged() {
        try (ChildBox running = ChildBox.start(data)) {
            assertThatThrownBy(() -> LedgerDatabase.open(data, Clock.systemUTC()))
                    .isInstanceOf(LedgerInUseException.class)
                    .hasMessageContaining("in use by another process")
                    .hasMessageNotContaining("backup");
            assertThat(running.api().get("/observe/health").status()).isEqualTo(200);
        }
    }
}
