package backroom.edge.access;

import backroom.edge.access.Caller.PairedDevice;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The staff and devices tables written again from the access entries, by the same methods that
 * wrote them live: {@code staff.added} a member (added at the entry's time), {@code staff.changed}
 * their name and role, {@code staff.removed} when they left; {@code device.paired} a device (paired
 * at the entry's time), {@code device.revoked} when it was revoked.
 *
 * <p>No entry carries a secret, so two columns stay null: {@code staff.pin_hash} and
 * {@code devices.token_hash}. Devices come back all the same, revoked or not as the ledger says,
 * because sales, refunds and cash movements name the device they were made on and show its name;
 * with no token nothing can connect as one ({@link Keyring} knows none), so every tablet pairs
 * again, as a new device, and a technician may revoke the old ones to tidy the list. A staff member
 * with no PIN is signed in by no PIN. The way in is the first start's, as on a new box
 * ({@link FirstStart}): with nobody holding a PIN, the box gives the first technician the
 * ledger names a PIN and makes a pairing code for one terminal; that technician then sets the
 * others' PINs ({@code PATCH /api/v1/staff/{id}} with a {@code pin}), or sets a manager's, who sets
 * the rest.
 *
 * <p>Staff sessions, pairing codes, wrong pairing codes and PIN lockouts stay empty: each belongs
 * to tokens, codes and tablets of the old box. So does {@code box_key}: the rebuilt box makes a key
 * of its own at its first start, and every PIN and pairing code on it is hashed with that key.
 */
public final class AccessReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "staff.added" -> {
                JsonNode added = LedgerAudit.payload(entry);
                StaffRoster.insert(tables.handle(), added.path("staffId").asText(), added.path("name").asText(), role(added),
                        null, entry.occurredAt());
            }
            case "staff.changed" -> {
                JsonNode changed = LedgerAudit.payload(entry);
                StaffRoster.update(tables.handle(), changed.path("staffId").asText(), changed.path("name").asText(), role(changed),
                        null);
            }
            case "staff.removed" -> StaffRoster.markRemoved(tables.handle(), LedgerAudit.payload(entry).path("staffId").asText(),
                    entry.occurredAt());
            case "device.paired" -> {
                JsonNode paired = LedgerAudit.payload(entry);
                PairedDevice device = new PairedDevice(paired.path("deviceId").asText(), paired.path("name").asText(),
                        DeviceKind.fromWire(paired.path("kind").asText()).orElseThrow());
                Devices.insert(tables.handle(), device, null, entry.occurredAt());
            }
            case "device.revoked" -> Devices.markRevoked(tables.handle(), LedgerAudit.payload(entry).path("deviceId").asText(),
                    entry.occurredAt());
            default -> { }
        }
    }

    private static Role role(JsonNode staff) {
        String role = staff.path("role").asText();
        return Role.fromWire(role).orElseThrow(() -> new IllegalArgumentException("no such role: " + role));
    }
}
