package backroom.edge.idempotency;

import backroom.edge.access.Actor;
import backroom.edge.access.Caller;
import backroom.edge.ledger.CanonicalJson;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.ledger.Sha256;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;
import backroom.edge.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.jdbi.v3.core.Handle;

/**
 * Remembers each keyed write's Idempotency-Key (a sale, a keyed refund, an open check's changes) with the device that sent it, the
 * hash of its request body and the answer it got: the same device sending the same key and body
 * gets that answer again; the same key with another body is a 409. A key belongs to its device:
 * another device sending the same key rings a sale of its own and never sees the first answer.
 *
 * <p>A key is kept until it is both older than {@link #WINDOW} by the ledger's time and followed
 * by at least {@link #NEWER_KEYS_BEFORE_FORGETTING} newer keys. The ledger's time never goes
 * backwards, and the count is the ledger's own order, so no step of the wall clock either way
 * makes the box forget a key a tablet is still retrying (a clock moved 49 hours ahead once made a
 * retry seconds later ring a second sale). Memory holds at most {@link #MOST_KEYS_REMEMBERED}
 * keys whatever the ledger's time says (it stands still while the clock is behind it).
 *
 * <p>The rows are keyed by ledger seq, so writing one appends; the keys are found through this
 * memory, kept by the ledger writer's thread alone. It may hold a key whose sale was rolled back
 * (a refusal after it, a failed group), so every hit is checked against its row, which is the
 * truth; it never misses a key that was committed, since a sale's key enters it before its commit.
 */
public final class IdempotencyKeys {

    public static final int MAX_KEY_LENGTH = 200;
    private static final HeaderName HEADER = HeaderNames.create("Idempotency-Key");
    static final Duration WINDOW = Duration.ofHours(48);
    static final int NEWER_KEYS_BEFORE_FORGETTING = 10_000;
    /** About 25 MB of keys; a busy store rings a tenth of that in 48 hours. */
    static final int MOST_KEYS_REMEMBERED = 100_000;

    /** Device and key to the ledger seq of its write and when it was made, oldest first. */
    private final LinkedHashMap<DeviceKey, Remembered> keys = new LinkedHashMap<>();
    private boolean loaded;

    /** An empty memory that loads at its first use (tests make one; the box takes {@link #loadingOn}). */
    IdempotencyKeys() {
    }

    /**
     * The box's one memory of keys, its load queued on the writer, not waited for: the box serves
     * while the writer's thread loads the keys (a second at 100,000 keys), and a write that comes
     * sooner waits behind the load in the writer's queue. Should the load fail, the first keyed
     * write loads them ({@link #replay}).
     */
    public static IdempotencyKeys loadingOn(LedgerWriter writer) {
        IdempotencyKeys keys = new IdempotencyKeys();
        writer.enqueue((handle, ledger) -> {
            keys.loadOnce(handle, ledger.now());
            return null;
        });
        return keys;
    }

    /** The request's Idempotency-Key header; a 400 naming it when it is missing, blank or too long. */
    public static String required(ServerRequest req) {
        return optional(req).orElseThrow(IdempotencyKeys::unusable);
    }

    /** The request's Idempotency-Key header if it sent one; a 400 naming it when it is blank or too long. */
    public static Optional<String> optional(ServerRequest req) {
        Optional<String> key = req.headers().first(HEADER).map(String::strip);
        if (key.isPresent() && (key.get().isEmpty() || key.get().length() > MAX_KEY_LENGTH)) {
            throw unusable();
        }
        return key;
    }

    /** What a keyed request is known by: its route (with the ids in its path) and its body, written canonically. */
    public static String requestHash(String route, JsonNode body) {
        return Sha256.hex(route + "\n" + CanonicalJson.write(body));
    }

    private static Problem unusable() {
        return Problem.malformed("Idempotency-Key", "header is required (at most " + MAX_KEY_LENGTH + " characters)");
    }

    /** The first answer for {@code key} from this device, if the same body was sent under it; 409 if another was. */
    public Optional<StoredAnswer> replay(Handle handle, WriterStatements statements, DeviceKey key, String requestHash, Instant now) {
        loadOnce(handle, now);
        Remembered remembered = keys.get(key);
        if (remembered == null) {
            return Optional.empty();
        }
        Optional<StoredRow> row = statements.queryOne(
                "SELECT request_hash, status, response FROM idempotency_keys WHERE ledger_seq = ? AND idem_key = ? AND device_id = ?",
                rs -> new StoredRow(rs.getString(1), new StoredAnswer(rs.getInt(2), rs.getString(3))),
                remembered.ledgerSeq(), key.key(), key.deviceId());
        if (row.isEmpty()) {
            keys.remove(key);
            return Optional.empty();
        }
        if (!row.get().requestHash().equals(requestHash)) {
            throw Problem.conflict("Idempotency-Key", "was already used for a different request");
        }
        return Optional.of(row.get().answer());
    }

    /**
     * The first answer to {@code key} from its device when the same body was sent under it (a 409
     * when another was); else runs {@code write} and remembers its answer under the write's first
     * seq and time, in the same write.
     */
    public StoredAnswer once(Handle handle, LedgerAppender ledger, DeviceKey key, String requestHash, Supplier<StoredAnswer> write) {
        return replay(handle, ledger.statements(), key, requestHash, ledger.now()).orElseGet(() -> {
            long seq = ledger.nextSeq();
            Instant at = ledger.now();
            StoredAnswer answer = write.get();
            remember(ledger.statements(), key, requestHash, answer, seq, at);
            return answer;
        });
    }

    /**
     * Runs {@code write} on the ledger writer once for the request's Idempotency-Key from the
     * caller's device and sends its body as a 201; a retry with the same body gets that first
     * answer again, one with another body a 409.
     */
    public void answerOnce(ServerRequest req, ServerResponse res, LedgerWriter writer, String key, String requestHash, KeyedWrite write) {
        Actor by = Caller.of(req).actor();
        DeviceKey deviceKey = new DeviceKey(by.deviceId(), key);
        StoredAnswer answer = writer.submit((handle, ledger) -> once(handle, ledger, deviceKey, requestHash,
                () -> new StoredAnswer(201, Json.write(write.run(handle, ledger, by)))));
        Json.sendText(res, answer.status(), answer.body());
    }

    /** A keyed write's work, on the ledger writer, returning what its first answer's body shows. */
    public interface KeyedWrite {
        Object run(Handle handle, LedgerAppender ledger, Actor by);
    }

    public void remember(WriterStatements statements, DeviceKey key, String requestHash, StoredAnswer answer, long ledgerSeq, Instant at) {
        statements.update("""
                        INSERT INTO idempotency_keys (ledger_seq, idem_key, device_id, request_hash, status, response, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                ledgerSeq, key.key(), key.deviceId(), requestHash, answer.status(), answer.body(), at.atOffset(ZoneOffset.UTC));
        keys.remove(key);
        keys.put(key, new Remembered(ledgerSeq, at));
        forgetOlderThan(at.minus(WINDOW));
    }

    /**
     * The keys of the last {@link #WINDOW} of ledger time, and never fewer than the newest
     * {@link #NEWER_KEYS_BEFORE_FORGETTING} nor more than the newest {@link #MOST_KEYS_REMEMBERED}.
     * {@link #loadingOn} queues the load as the box starts, ahead of any sale: left to the first
     * sale, the load held that sale, and every sale behind it (4 seconds for a busy store's 100,000
     * keys before the load read them by seq); waited for before serving, it held the box's start.
     */
    void loadOnce(Handle handle, Instant now) {
        if (loaded) {
            return;
        }
        // One read of the newest keys by seq, the primary key: the same keys read through the
        // created_at index instead (a UNION of two indexed reads) took 3.5-4.0 s for 100,000
        // keys against 0.7-1.0 s, each row fetched apart from its neighbours.
        handle.createQuery("""
                        SELECT idem_key, device_id, ledger_seq, created_at FROM idempotency_keys
                        WHERE ledger_seq > :most AND (ledger_seq > :newest OR created_at >= :since)
                        ORDER BY ledger_seq""")
                .bind("newest", seqBeforeTheNewest(handle, NEWER_KEYS_BEFORE_FORGETTING))
                .bind("most", seqBeforeTheNewest(handle, MOST_KEYS_REMEMBERED))
                .bind("since", now.minus(WINDOW).atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> Map.entry(new DeviceKey(rs.getString("device_id"), rs.getString("idem_key")),
                        new Remembered(rs.getLong("ledger_seq"), rs.getObject("created_at", OffsetDateTime.class).toInstant())))
                .forEach(entry -> keys.put(entry.getKey(), entry.getValue()));
        loaded = true;
    }

    /** The ledger seq of the key just older than the newest {@code count}, or 0 if there are no more keys than that. */
    private static long seqBeforeTheNewest(Handle handle, int count) {
        return handle.createQuery("SELECT ledger_seq FROM idempotency_keys ORDER BY ledger_seq DESC LIMIT 1 OFFSET :count")
                .bind("count", count)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    private void forgetOlderThan(Instant cutoff) {
        Iterator<Remembered> oldestFirst = keys.values().iterator();
        while (keys.size() > NEWER_KEYS_BEFORE_FORGETTING && oldestFirst.hasNext()
                && (oldestFirst.next().at().isBefore(cutoff) || keys.size() > MOST_KEYS_REMEMBERED)) {
            oldestFirst.remove();
        }
    }

    /** An Idempotency-Key as the device that sent it owns it. */
    public record DeviceKey(String deviceId, String key) {
    }

    /** An HTTP status and JSON body, exactly as first sent. */
    public record StoredAnswer(int status, String body) {
    }

    private record Remembered(long ledgerSeq, Instant at) {
    }

    private record StoredRow(String requestHash, StoredAnswer answer) {
    }
}
