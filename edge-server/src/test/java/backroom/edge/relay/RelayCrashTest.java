package backroom.edge.relay;

import static backroom.edge.relay.RelayTest.awaitUntil;
import static backroom.edge.relay.RelayTest.relay;
import static backroom.edge.relay.RelayTest.ring;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.testing.ChildBox;
import backroom.relay.testing.Mosquitto;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} the real server while it drains its ledger to HQ: after a restart HQ holds every seq once, chain-checked. */
class RelayCrashTest {

    @TempDir
    Path dir;

    @Test
    void aBoxKilledMidDrainDeliversEverythingOnceAfterItsRestart() throws Exception {
        Path data = dir.resolve("box");
        try (Mosquitto broker = Mosquitto.start(dir)) {
            Hq hq = Hq.onH2(dir, broker.url());
            Map<String, String> relay = Map.of("BACKROOM_MQTT_URL", broker.url(), "BACKROOM_FRANCHISE", Hq.STORE.franchise(),
                    "BACKROOM_STORE", Hq.STORE.store(), "BACKROOM_STORE_SECRET", Hq.SECRET);
            try {
                long headAtKill;
                try (ChildBox first = ChildBox.start(data, 0, relay)) {
                    ring(first.api(), 4_000);
                    headAtKill = relay(first.api()).number("headSeq");
                    hq.startSink();
                    awaitUntil(() -> checked(hq) > 0);
                    first.kill();
                }
                assertThat(checked(hq)).isLessThanOrEqualTo(headAtKill);
                long head;
                try (ChildBox second = ChildBox.start(data, 0, relay)) {
                    head = relay(second.api()).number("headSeq");
                    awaitUntil(() -> checked(hq) == head && relay(second.api()).number("ackedSeq") == head);
                }
                List<String> boxs;
                try (Handle ledger = Jdbi.open(LedgerDatabase.readOnlyUrlFor(data), "sa", "")) {
                    boxs = ledger.createQuery("SELECT seq || ' ' || hash FROM ledger WHERE seq <= :head ORDER BY seq")
                            .bind("head", head).mapTo(String.class).list();
                }
                assertThat(boxs).hasSize((int) head);
                assertThat(hq.entries()).isEqualTo(boxs);
                assertThat(hq.strings("SELECT COUNT(*) FROM ledger_conflicts")).containsExactly("0");
            } finally {
                hq.close();
            }
        }
    }

    private static long checked(Hq hq) {
        try {
            return hq.checkedSeq();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
