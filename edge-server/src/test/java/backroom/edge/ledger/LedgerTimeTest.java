package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.SetClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries' times: one time per write, never before the newest entry, and a clock behind the ledger said once. */
class LedgerTimeTest {

    private static final Instant T = Instant.parse("2026-12-03T09:00:00Z");

    @TempDir
    Path dir;
    private final SetClock clock = SetClock.at(T);

    @Test
    void aClockBehindByExactlyOneSecondIsHeldBackQuietlyAndOneBehindByMoreIsSaidOnce() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, clock)) {
            append(db, 1);
            clock.set(T.minusSeconds(1));
            assertThat(db.writer().clockLag()).as("a step of time synchronisation").isEmpty();
            append(db, 2);

            clock.set(T.minusMillis(1_001));
            assertThat(db.writer().clockLag()).contains(Duration.ofMillis(1_001));
            append(db, 3);
            append(db, 4);

            assertThat(types(db)).containsExactly("test.event", "test.event", "clock.behind", "test.event", "test.event");
            assertThat(times(db)).as("held at the newest entry's time").containsOnly(T);
        }
    }

    @Test
    void aDatabaseOpenedAgainWithTheClockBehindHoldsItsNewestTime() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, clock)) {
            append(db, 1);
        }
        clock.set(T.minus(Duration.ofHours(1)));
        try (LedgerDatabase db = LedgerDatabase.open(dir, clock)) {
            assertThat(db.writer().newestTime()).isEqualTo(T);
            append(db, 2);
            assertThat(times(db).getLast()).isEqualTo(T);
        }
    }

    @Test
    void everyEntryOfOneWriteHasTheWritesOneTime() {
        Clock ticking = SetClock.ticking(T);
        try (LedgerDatabase db = LedgerDatabase.open(dir, ticking)) {
            db.writer().submit((handle, ledger) -> {
                for (int i = 0; i < 3; i++) {
                    ledger.append("test.event", Map.of("i", i));
                }
                return null;
            });
            assertThat(times(db)).hasSize(3).containsOnly(times(db).getFirst());
        }
    }

    private static void append(LedgerDatabase db, int n) {
        db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", n)));
    }

    private static List<String> types(LedgerDatabase db) {
        return db.jdbi().withHandle(handle -> handle.createQuery("SELECT type FROM ledger ORDER BY seq").mapTo(String.class).list());
    }

    private static List<Instant> times(LedgerDatabase db) {
        return db.jdbi().withHandle(handle -> handle.createQuery("SELECT occurred_at FROM ledger ORDER BY seq")
                .map((rs, ctx) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).list());
    }
}
