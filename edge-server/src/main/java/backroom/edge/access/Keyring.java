package backroom.edge.access;

import backroom.edge.access.Caller.PairedDevice;
import backroom.edge.access.Caller.SignedInStaff;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * The box's memory of every live device token and staff session, by token hash, so checking a
 * request's token reads no database. Loaded from the tables at start; changed only after the
 * write that pairs, revokes, signs in or out has committed, so it never knows a token the ledger
 * does not. A revocation is in force here before its answer is sent. A device with no token hash
 * (rebuilt from HQ's copy of the ledger) has no token to know.
 */
public final class Keyring implements Credentials {

    private final Clock clock;
    private final Map<String, PairedDevice> devicesByToken = new ConcurrentHashMap<>();
    private final Map<String, PairedDevice> devicesById = new ConcurrentHashMap<>();
    private final Map<String, OpenSession> sessionsByToken = new ConcurrentHashMap<>();
    private final List<Consumer<Predicate<Caller>>> revocationListeners = new CopyOnWriteArrayList<>();

    private Keyring(Clock clock) {
        this.clock = clock;
    }

    /** A staff session as the keyring holds it. */
    record OpenSession(String tokenHash, SignedInStaff staff, String deviceId, Instant expiresAt) {
    }

    public static Keyring load(Handle handle, Clock clock) {
        Keyring keyring = new Keyring(clock);
        handle.createQuery("SELECT id, name, kind, token_hash FROM devices WHERE revoked_at IS NULL AND token_hash IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getString("token_hash"), new PairedDevice(rs.getString("id"),
                        rs.getString("name"), DeviceKind.fromWire(rs.getString("kind")).orElseThrow())))
                .forEach(e -> keyring.devicePaired(e.getKey(), e.getValue()));
        handle.createQuery("""
                        SELECT s.id, s.token_hash, s.staff_id, st.name, st.role, s.device_id, s.expires_at
                        FROM staff_sessions s JOIN staff st ON st.id = s.staff_id
                        WHERE s.ended_at IS NULL AND st.removed_at IS NULL""")
                .map((rs, ctx) -> new OpenSession(rs.getString("token_hash"),
                        new SignedInStaff(rs.getString("id"), rs.getString("staff_id"), rs.getString("name"),
                                Role.fromWire(rs.getString("role")).orElseThrow()),
                        rs.getString("device_id"), rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .forEach(keyring::sessionStarted);
        return keyring;
    }

    @Override
    public Optional<Caller> caller(String token) {
        String hash = SecretTokens.hash(token);
        if (token.startsWith(SecretTokens.SESSION_PREFIX)) {
            OpenSession session = sessionsByToken.get(hash);
            if (session == null || !clock.instant().isBefore(session.expiresAt())) {
                return Optional.empty();
            }
            return Optional.ofNullable(devicesById.get(session.deviceId())).map(device -> new Caller(device, session.staff()));
        }
        return Optional.ofNullable(devicesByToken.get(hash)).map(device -> new Caller(device, null));
    }

    /** Called with which callers lost their access, so long-lived connections (the live feed) can be closed. */
    public void onRevocation(Consumer<Predicate<Caller>> listener) {
        revocationListeners.add(listener);
    }

    void devicePaired(String tokenHash, PairedDevice device) {
        devicesByToken.put(tokenHash, device);
        devicesById.put(device.deviceId(), device);
    }

    void deviceRevoked(String deviceId) {
        devicesById.remove(deviceId);
        devicesByToken.values().removeIf(device -> device.deviceId().equals(deviceId));
        sessionsByToken.values().removeIf(session -> session.deviceId().equals(deviceId));
        revoked(caller -> caller.device().deviceId().equals(deviceId));
    }

    /** Also forgets sessions that have expired, so the keyring stays as small as the staff on shift. */
    void sessionStarted(OpenSession session) {
        Instant now = clock.instant();
        sessionsByToken.values().removeIf(open -> !now.isBefore(open.expiresAt()));
        if (now.isBefore(session.expiresAt())) {
            sessionsByToken.put(session.tokenHash(), session);
        }
    }

    void sessionEnded(String sessionId) {
        sessionsByToken.values().removeIf(session -> session.staff().sessionId().equals(sessionId));
        revoked(caller -> caller.staff() != null && caller.staff().sessionId().equals(sessionId));
    }

    /** Ends every session of a staff member whose PIN or role changed or who left. */
    void staffSessionsEnded(String staffId) {
        sessionsByToken.values().removeIf(session -> session.staff().staffId().equals(staffId));
        revoked(caller -> caller.staff() != null && caller.staff().staffId().equals(staffId));
    }

    private void revoked(Predicate<Caller> which) {
        revocationListeners.forEach(listener -> listener.accept(which));
    }
}
