package backroom.edge.access;

import backroom.edge.ledger.LedgerAppender;
import backroom.edge.web.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A six-digit code has a million values and pairing needs no token, so wrong codes are counted
 * box-wide: after {@value #MAX_WRONG} in ten minutes pairing is refused until the oldest ages out.
 * Guessing a live code then takes months, not the ten minutes a code lives; a flood of wrong codes
 * can only delay a technician, never pair a device.
 *
 * <p>The count is kept in the ledger database, and checked and raised inside the same write that
 * tries the code, on the ledger writer's one thread: a burst of any size gets no more than
 * {@value #MAX_WRONG} codes checked, and a restart forgets none. (Counted in memory after the
 * write, 1,000 requests at once got 59 codes checked.)
 */
final class PairingFailures {

    static final int MAX_WRONG = 20;
    private static final Duration WINDOW = PairingCodes.LIFE;

    private PairingFailures() {
    }

    /** Refuses with 429 while {@value #MAX_WRONG} wrong codes were tried in the last ten minutes; else returns how many were. */
    static int requireOpen(Handle handle, Instant now) {
        Recent recent = handle.createQuery("SELECT COUNT(*), MIN(failed_at) FROM pairing_failures WHERE failed_at > :since")
                .bind("since", now.minus(WINDOW).atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new Recent(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
                .one();
        if (recent.count() >= MAX_WRONG) {
            throw paused(Duration.between(now, recent.oldest().toInstant().plus(WINDOW)));
        }
        return recent.count();
    }

    static Problem paused(Duration wait) {
        return Problem.tooManyTries("code", "too many wrong pairing codes; try again in " + Math.max(1, wait.toSeconds()) + " s", wait);
    }

    /** Counts one more wrong code tried at {@code now}, after {@code wrongBefore} in the window, and lets go of older ones. */
    static void record(Handle handle, LedgerAppender ledger, Instant now, int wrongBefore) {
        handle.createUpdate("DELETE FROM pairing_failures WHERE failed_at <= :since")
                .bind("since", now.minus(WINDOW).atOffset(ZoneOffset.UTC))
                .execute();
        handle.createUpdate("INSERT INTO pairing_failures (failed_at) VALUES (:at)")
                .bind("at", now.atOffset(ZoneOffset.UTC))
                .execute();
        ledger.append("pairing.code_refused", Map.of("wrongInTenMinutes", wrongBefore + 1));
    }

    private record Recent(int count, OffsetDateTime oldest) {
    }
}
