package backroom.edge.access;

import backroom.edge.access.Keyring.OpenSession;
import backroom.edge.ledger.LedgerAppender;
import java.time.ZoneOffset;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The staff session table: a PIN sign-in on a device, until it expires or is ended. */
final class StaffSessions {

    private StaffSessions() {
    }

    static void start(Handle handle, LedgerAppender ledger, OpenSession session) {
        handle.createUpdate("""
                        INSERT INTO staff_sessions (id, token_hash, staff_id, device_id, started_at, expires_at)
                        VALUES (:id, :token, :staff, :device, :at, :expires)""")
                .bind("id", session.staff().sessionId())
                .bind("token", session.tokenHash())
                .bind("staff", session.staff().staffId())
                .bind("device", session.deviceId())
                .bind("at", ledger.now().atOffset(ZoneOffset.UTC))
                .bind("expires", session.expiresAt().atOffset(ZoneOffset.UTC))
                .execute();
        ledger.append("session.started", Map.of("sessionId", session.staff().sessionId(), "staffId", session.staff().staffId(),
                "deviceId", session.deviceId(), "expiresAt", session.expiresAt().toString()));
    }

    static void end(Handle handle, LedgerAppender ledger, Caller caller) {
        handle.createUpdate("UPDATE staff_sessions SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
                .bind("now", ledger.now().atOffset(ZoneOffset.UTC))
                .bind("id", caller.staff().sessionId())
                .execute();
        ledger.append("session.ended", Map.of("sessionId", caller.staff().sessionId(), "staffId", caller.staff().staffId(),
                "deviceId", caller.device().deviceId()));
    }
}
