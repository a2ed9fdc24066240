package backroom.edge.access;

import backroom.edge.ledger.LedgerAppender;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Wrong PINs in a row on one device, kept in the ledger database so a restart does not forgive
 * them. The fifth locks PIN sign-in on the device for 30 s, and each wrong PIN after it doubles
 * the lock, up to an hour; a right PIN clears the count.
 */
final class PinLockouts {

    static final int FREE_TRIES = 4;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration LONGEST_LOCK = Duration.ofHours(1);

    private PinLockouts() {
    }

    /** A device's wrong PINs in a row and until when sign-in on it is locked (null if never). */
    record Lockout(int failures, Instant lockedUntil) {

        static final Lockout NONE = new Lockout(0, null);

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        int triesBeforeLock() {
            return Math.max(0, FREE_TRIES + 1 - failures);
        }

        /** How many PINs may be checked now: those left before the lock, or one once a lock has run out. */
        int triesLeft() {
            return Math.max(1, triesBeforeLock());
        }
    }

    static Lockout of(Handle handle, String deviceId) {
        return handle.createQuery("SELECT failures, locked_until FROM pin_lockouts WHERE device_id = :device")
                .bind("device", deviceId)
                .map((rs, ctx) -> {
                    OffsetDateTime until = rs.getObject("locked_until", OffsetDateTime.class);
                    return new Lockout(rs.getInt("failures"), until == null ? null : until.toInstant());
                })
                .findOne()
                .orElse(Lockout.NONE);
    }

    /** Counts a wrong PIN tried at {@code now} (the clock's time, as locks are checked against it). */
    static Lockout recordWrongPin(Handle handle, LedgerAppender ledger, String deviceId, Instant now) {
        int failures = of(handle, deviceId).failures() + 1;
        Instant lockedUntil = failures > FREE_TRIES ? now.plus(lockFor(failures)) : null;
        handle.createUpdate("""
                        MERGE INTO pin_lockouts (device_id, failures, locked_until) KEY (device_id)
                        VALUES (:device, :failures, :until)""")
                .bind("device", deviceId)
                .bind("failures", failures)
                .bindByType("until", lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                .execute();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("deviceId", deviceId);
        entry.put("failures", failures);
        entry.put("lockedUntil", lockedUntil == null ? null : lockedUntil.toString());
        ledger.append("session.pin_refused", entry);
        return new Lockout(failures, lockedUntil);
    }

    static void clear(Handle handle, String deviceId) {
        handle.createUpdate("DELETE FROM pin_lockouts WHERE device_id = :device").bind("device", deviceId).execute();
    }

    private static Duration lockFor(int failures) {
        int doublings = Math.min(failures - FREE_TRIES - 1, 7);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }
}
