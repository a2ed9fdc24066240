package backroom.edge.sales;

import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Remembers each sale's Idempotency-Key with the hash of its request body and the answer it got,
 * for at least {@link #WINDOW}: the same key with the same body gets that answer again; with
 * another body it is a 409. Keys older than the window may be forgotten (a tablet retries within
 * minutes, not days).
 *
 * <p>The rows are keyed by ledger seq, so writing one appends; the keys are found through this
 * memory, kept by the ledger writer's thread alone. It may hold a key whose sale was rolled back
 * (a refusal after it, a failed group), so every hit is checked against its row, which is the
 * truth; it never misses a key that was committed, since a sale's key enters it before its commit.
 */
final class IdempotencyKeys {

    static final int MAX_KEY_LENGTH = 200;
    static final Duration WINDOW = Duration.ofHours(48);

    /** Key to the ledger seq of its sale and when it was rung, oldest first. */
    private final LinkedHashMap<String, Remembered> keys = new LinkedHashMap<>();
    private boolean loaded;

    /** The first answer for {@code key}, if the same body was rung under it; 409 if another was. */
    Optional<StoredAnswer> replay(Handle handle, WriterStatements statements, String key, String requestHash, Instant now) {
        loadOnce(handle, now);
        Remembered remembered = keys.get(key);
        if (remembered == null) {
            return Optional.empty();
        }
        Optional<StoredRow> row = statements.queryOne(
                "SELECT request_hash, status, response FROM idempotency_keys WHERE ledger_seq = ? AND idem_key = ?",
                rs -> new StoredRow(rs.getString(1), new StoredAnswer(rs.getInt(2), rs.getString(3))),
                remembered.ledgerSeq(), key);
        if (row.isEmpty()) {
            keys.remove(key);
            return Optional.empty();
        }
        if (!row.get().requestHash().equals(requestHash)) {
            throw Problem.conflict("Idempotency-Key", "was already used for a different request");
        }
        return Optional.of(row.get().answer());
    }

    void remember(WriterStatements statements, String key, String requestHash, StoredAnswer answer, long ledgerSeq, Instant at) {
        statements.update("""
                        INSERT INTO idempotency_keys (ledger_seq, idem_key, request_hash, status, response, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                ledgerSeq, key, requestHash, answer.status(), answer.body(), at.atOffset(ZoneOffset.UTC));
        keys.remove(key);
        keys.put(key, new Remembered(ledgerSeq, at));
        forgetOlderThan(at.minus(WINDOW));
    }

    private void loadOnce(Handle handle, Instant now) {
        if (loaded) {
            return;
        }
        handle.createQuery("""
                        SELECT idem_key, ledger_seq, created_at FROM idempotency_keys
                        WHERE created_at >= :since ORDER BY created_at, ledger_seq""")
                .bind("since", now.minus(WINDOW).atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> Map.entry(rs.getString("idem_key"),
                        new Remembered(rs.getLong("ledger_seq"), rs.getObject("created_at", OffsetDateTime.class).toInstant())))
                .forEach(entry -> keys.put(entry.getKey(), entry.getValue()));
        loaded = true;
    }

    private void forgetOlderThan(Instant cutoff) {
        Iterator<Remembered> oldestFirst = keys.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().at().isBefore(cutoff)) {
            oldestFirst.remove();
        }
    }

    /** An HTTP status and JSON body, exactly as first sent. */
    record StoredAnswer(int status, String body) {
    }

    private record Remembered(long ledgerSeq, Instant at) {
    }

    private record StoredRow(String requestHash, StoredAnswer answer) {
    }
}
