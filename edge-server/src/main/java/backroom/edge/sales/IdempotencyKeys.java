package backroom.edge.sales;

import backroom.edge.web.Problem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import backroom.edge.ledger.WriterStatements;
import org.jdbi.v3.core.Handle;

/**
 * Remembers each Idempotency-Key with the hash of its request body and the answer it got. The
 * same key with the same body gets that answer again; with another body it is a 409.
 */
final class IdempotencyKeys {

    static final int MAX_KEY_LENGTH = 200;

    private IdempotencyKeys() {
    }

    /** The stored answer for {@code key}, if the same body was seen before; 409 if another was. */
    static Optional<StoredAnswer> replay(Handle handle, String key, String requestHash) {
        return handle.createQuery("SELECT request_hash, status, response FROM idempotency_keys WHERE idem_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw Problem.conflict("Idempotency-Key", "was already used for a different request");
                    }
                    return new StoredAnswer(rs.getInt("status"), rs.getString("response"));
                })
                .findOne();
    }

    static void remember(WriterStatements statements, String key, String requestHash, StoredAnswer answer, Instant at) {
        statements.update("""
                        INSERT INTO idempotency_keys (idem_key, request_hash, status, response, created_at)
                        VALUES (?, ?, ?, ?, ?)""",
                key, requestHash, answer.status(), answer.body(), at.atOffset(ZoneOffset.UTC));
    }

    /** An HTTP status and JSON body, exactly as first sent. */
    record StoredAnswer(int status, String body) {
    }
}
