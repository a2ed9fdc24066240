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

/**
 * The device table: devices paired with the box, their token hashes, and revocation. A device
 * rebuilt from HQ's copy of the ledger has no token hash (no entry carries one): nothing can
 * connect as it, and its tablet pairs again as a new device.
 */
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
        insert(handle, device, tokenHash, ledger.now());
        ledger.append("device.paired", Map.of("deviceId", device.deviceId(), "name", device.name(), "kind", device.kind().wireName()));
    }

    /** The row of a {@code device.paired} entry; {@code tokenHash} null when written again from the entry. */
    static void insert(Handle handle, PairedDevice device, String tokenHash, Instant at) {
        handle.createUpdate("""
                        INSERT INTO devices (id, name, kind, token_hash, paired_at)
                        VALUES (:id, :name, :kind, :token, :at)""")
                .bind("id", device.deviceId())
                .bind("name", device.name())
                .bind("kind", device.kind().wireName())
                .bind("token", tokenHash)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** The row of a {@code device.revoked} entry. */
    static void markRevoked(Handle handle, String deviceId, Instant at) {
        handle.createUpdate("UPDATE devices SET revoked_at = :now WHERE id = :id").bind("now", at.atOffset(ZoneOffset.UTC))
                .bind("id", deviceId).execute();
    }

    /** Revokes the device and ends every staff session on it. */
    static DeviceView revoke(Handle handle, LedgerAppender ledger, String deviceId, Actor by) {
        DeviceView device = find(handle, deviceId).orElseThrow(() -> Problem.notFound("device " + deviceId));
        if (device.revokedAt() != null) {
            throw Problem.conflict("deviceId", "device " + deviceId + " is already revoked");
        }
        markRevoked(handle, deviceId, ledger.now());
        handle.createUpdate("UPDATE staff_sessions SET ended_at = :now WHERE device_id = :id AND ended_at IS NULL")
                .bind("now", ledger.now().atOffset(ZoneOffset.UTC)).bind("id", deviceId).execute();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("deviceId", deviceId);
        entry.put("name", device.name());
        entry.put("by", by);
        ledger.append("device.revoked", entry);
        return find(handle, deviceId).orElseThrow();
    }
}
