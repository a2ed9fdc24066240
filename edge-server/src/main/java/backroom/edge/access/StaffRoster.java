package backroom.edge.access;

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
 * The staff table. A member who leaves is marked removed, never deleted: the ledger names them. A
 * member rebuilt from HQ's copy of the ledger has no PIN hash (no entry carries one) until a
 * manager sets a PIN: until then no PIN signs them in.
 */
final class StaffRoster {

    private StaffRoster() {
    }

    /** A staff member as the manager's list shows them; the PIN hash never leaves this class's callers. */
    record StaffMember(String staffId, String name, Role role, Instant addedAt) {
    }

    /** An active staff member with the PIN hash sign-in checks; null when they have no PIN on this box yet. */
    record PinHolder(StaffMember member, String pinHash) {
    }

    /** Whether any active staff member has a PIN: on a new box nobody has, on a box rebuilt from HQ nobody has yet. */
    static boolean anyoneHoldsPin(Handle handle) {
        return active(handle).stream().anyMatch(holder -> holder.pinHash() != null);
    }

    /** The first active technician with no PIN (in a rebuilt box), if any. */
    static Optional<StaffMember> firstTechnicianWithoutPin(Handle handle) {
        return active(handle).stream()
                .filter(holder -> holder.member().role() == Role.TECHNICIAN && holder.pinHash() == null)
                .map(PinHolder::member)
                .findFirst();
    }

    static List<PinHolder> active(Handle handle) {
        return handle.createQuery("SELECT id, name, role, added_at, pin_hash FROM staff WHERE removed_at IS NULL ORDER BY added_at, id")
                .map((rs, ctx) -> new PinHolder(new StaffMember(rs.getString("id"), rs.getString("name"),
                        Role.fromWire(rs.getString("role")).orElseThrow(),
                        rs.getObject("added_at", OffsetDateTime.class).toInstant()), rs.getString("pin_hash")))
                .list();
    }

    static Optional<PinHolder> findActive(Handle handle, String staffId) {
        return active(handle).stream().filter(holder -> holder.member().staffId().equals(staffId)).findFirst();
    }

    static StaffMember add(Handle handle, LedgerAppender ledger, String staffId, String name, Role role, String pinHash, Actor by) {
        insert(handle, staffId, name, role, pinHash, ledger.now());
        ledger.append("staff.added", entry(staffId, name, role, by));
        return findActive(handle, staffId).orElseThrow().member();
    }

    /** The row of a {@code staff.added} entry; {@code pinHash} null when written again from the entry. */
    static void insert(Handle handle, String staffId, String name, Role role, String pinHash, Instant at) {
        handle.createUpdate("""
                        INSERT INTO staff (id, name, role, pin_hash, added_at)
                        VALUES (:id, :name, :role, :pin, :at)""")
                .bind("id", staffId)
                .bind("name", name)
                .bind("role", role.wireName())
                .bind("pin", pinHash)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** Changes name, role or PIN hash (null keeps it) and ends the member's sessions. */
    static StaffMember change(Handle handle, LedgerAppender ledger, String staffId, String name, Role role, String pinHash, Actor by) {
        StaffMember before = findActive(handle, staffId).orElseThrow(() -> Problem.notFound("staff member " + staffId)).member();
        StaffMember after = new StaffMember(staffId, name == null ? before.name() : name, role == null ? before.role() : role,
                before.addedAt());
        update(handle, staffId, after.name(), after.role(), pinHash);
        endSessions(handle, staffId, ledger.now());
        Map<String, Object> entry = entry(staffId, after.name(), after.role(), by);
        entry.put("pinChanged", pinHash != null);
        ledger.append("staff.changed", entry);
        return after;
    }

    /** The row of a {@code staff.changed} entry: name and role, and the PIN hash unless {@code pinHash} is null. */
    static void update(Handle handle, String staffId, String name, Role role, String pinHash) {
        handle.createUpdate("""
                        UPDATE staff SET name = :name, role = :role, pin_hash = COALESCE(:pin, pin_hash)
                        WHERE id = :id""")
                .bind("name", name)
                .bind("role", role.wireName())
                .bind("pin", pinHash)
                .bind("id", staffId)
                .execute();
    }

    /** Puts a keyed hash of the same PIN in place of one made before PINs were keyed; no entry, the PIN is unchanged. */
    static void replacePinHash(Handle handle, String staffId, String before, String after) {
        handle.createUpdate("UPDATE staff SET pin_hash = :after WHERE id = :id AND pin_hash = :before")
                .bind("after", after)
                .bind("id", staffId)
                .bind("before", before)
                .execute();
    }

    static void remove(Handle handle, LedgerAppender ledger, String staffId, Actor by) {
        StaffMember member = findActive(handle, staffId).orElseThrow(() -> Problem.notFound("staff member " + staffId)).member();
        markRemoved(handle, staffId, ledger.now());
        endSessions(handle, staffId, ledger.now());
        ledger.append("staff.removed", entry(staffId, member.name(), member.role(), by));
    }

    /** The row of a {@code staff.removed} entry. */
    static void markRemoved(Handle handle, String staffId, Instant at) {
        handle.createUpdate("UPDATE staff SET removed_at = :at WHERE id = :id")
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("id", staffId)
                .execute();
    }

    /** Whether an active technician other than {@code staffId} can sign in (has a PIN). */
    static boolean anotherTechnicianCanSignIn(Handle handle, String staffId) {
        return active(handle).stream().anyMatch(holder -> holder.member().role() == Role.TECHNICIAN && holder.pinHash() != null
                && !holder.member().staffId().equals(staffId));
    }

    private static void endSessions(Handle handle, String staffId, Instant now) {
        handle.createUpdate("UPDATE staff_sessions SET ended_at = :now WHERE staff_id = :id AND ended_at IS NULL")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("id", staffId)
                .execute();
    }

    private static Map<String, Object> entry(String staffId, String name, Role role, Actor by) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("staffId", staffId);
        entry.put("name", name);
        entry.put("role", role.wireName());
        entry.put("by", by);
        return entry;
    }
}
