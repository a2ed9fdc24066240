package backroom.edge.access;

import backroom.edge.access.Caller.PairedDevice;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.web.Problem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The device table: devices paired with the box, their token hashes, and revocation. */
final class Devices {

    private Devices() {
    }

    /** A device as the technician's list shows it; {@code revokedAt} is null while it may connect. */
    record DeviceView(String deviceId, String name, DeviceKind kind, Instant pairedAt, Instant revokedAt) {
    }

    static List<DeviceView> all(Handle handle) {
        return handle.createQuery("SELECT id, name, kind, paired_at, revoked_at FROM devices ORDER BY paired_at, id")
                .map((rs, ctx) -> {
                    OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
                    return new DeviceView(rs.getString("id"), rs.getString("name"),
                            DeviceKind.fromWire(rs.getString("kind")).orElseThrow(),
                            rs.getObject("paired_at", OffsetDateTime.class).toInstant(),
                            revoked == null ? null : revoked.toInstant());
                })
                .list();
    }

    static Optional<DeviceView> find(Handle handle, String deviceId) {
        return all(handle).stream().filter(device -> device.deviceId().equals(deviceId)).findFirst();
    }

    static void pair(Handle handle, LedgerAppender ledger, PairedDevice device, String tokenHash) {
        handle.createUpdate("""
                        INSERT INTO devices (id, name, kind, token_hash, paired_at)
                        VALUES (:id, :name, :kind, :token, :at)""")
                .bind("id", device.deviceId())
                .bind("name", device.name())
                .bind("kind", device.kind().wireName())
                .bind("token", tokenHash)
                .bind("at", ledger.now().atOffset(ZoneOffset.UTC))
                .execute();
        ledger.append("device.paired", Map.of("deviceId", device.deviceId(), "name", device.name(), "kind", device.kind().wireName()));
    }

    /** Revokes the device and ends every staff session on it. */
    static DeviceView revoke(Handle handle, LedgerAppender ledger, String deviceId, Actor by) {
        DeviceView device = find(handle, deviceId).orElseThrow(() -> Problem.notFound("device " + deviceId));
        if (device.revokedAt() != null) {
            throw Problem.conflict("deviceId", "device " + deviceId + " is already revoked");
        }
        OffsetDateTime now = ledger.now().atOffset(ZoneOffset.UTC);
        handle.createUpdate("UPDATE devices SET revoked_at = :now WHERE id = :id").bind("now", now).bind("id", deviceId).execute();
        handle.createUpdate("UPDATE staff_sessions SET ended_at = :now WHERE device_id = :id AND ended_at IS NULL")
                .bind("now", now).bind("id", deviceId).execute();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("deviceId", deviceId);
        entry.put("name", device.name());
        entry.put("by", by);
        ledger.append("device.revoked", entry);
        return find(handle, deviceId).orElseThrow();
    }
}
