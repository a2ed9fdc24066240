package backroom.edge.access;

import backroom.edge.ledger.LedgerAppender;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The pairing code table: a code lives ten minutes and pairs one device. */
final class PairingCodes {

    static final Duration LIFE = Duration.ofMinutes(10);

    private PairingCodes() {
    }

    /** Whether a code with this hash is still waiting to be used; a new code must not share one. */
    static boolean isLive(Handle handle, String codeHash, Instant now) {
        return live(handle, codeHash, now).isPresent();
    }

    /** Whether this very code (same hash, made at the same instant) is in the table, used or not. */
    static boolean isRecorded(Handle handle, PairingCode code) {
        return handle.createQuery("SELECT COUNT(*) FROM pairing_codes WHERE code_hash = :hash AND made_at = :made")
                .bind("hash", code.codeHash())
                .bind("made", code.madeAt().atOffset(ZoneOffset.UTC))
                .mapTo(Integer.class)
                .one() > 0;
    }

    /** Records a code made on the API, the command line or at first start; {@code by} is null off the API. */
    static void record(Handle handle, LedgerAppender ledger, PairingCode code, Actor by) {
        handle.createUpdate("""
                        INSERT INTO pairing_codes (code_hash, name, kind, made_at, expires_at)
                        VALUES (:hash, :name, :kind, :made, :expires)""")
                .bind("hash", code.codeHash())
                .bind("name", code.name())
                .bind("kind", code.kind().wireName())
                .bind("made", code.madeAt().atOffset(ZoneOffset.UTC))
                .bind("expires", code.expiresAt().atOffset(ZoneOffset.UTC))
                .execute();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", code.name());
        entry.put("kind", code.kind().wireName());
        entry.put("expiresAt", code.expiresAt().toString());
        entry.put("by", by);
        ledger.append("pairing.code_made", entry);
    }

    /** Marks the live code with this hash used and returns it; empty if it is unknown, used or expired. */
    static Optional<PairingCode> use(Handle handle, String codeHash, Instant now) {
        Optional<LiveCode> live = live(handle, codeHash, now);
        live.ifPresent(code -> handle.createUpdate("UPDATE pairing_codes SET used_at = :now WHERE id = :id")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("id", code.id())
                .execute());
        return live.map(LiveCode::code);
    }

    private record LiveCode(long id, PairingCode code) {
    }

    private static Optional<LiveCode> live(Handle handle, String codeHash, Instant now) {
        return handle.createQuery("""
                        SELECT id, code_hash, name, kind, made_at, expires_at FROM pairing_codes
                        WHERE code_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .bind("hash", codeHash)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new LiveCode(rs.getLong("id"), new PairingCode(rs.getString("code_hash"),
                        rs.getString("name"), DeviceKind.fromWire(rs.getString("kind")).orElseThrow(),
                        rs.getObject("made_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant())))
                .findFirst();
    }
}
