package backroom.edge.access;

import backroom.edge.access.Caller.PairedDevice;
import backroom.edge.access.Caller.SignedInStaff;
import backroom.edge.access.Keyring.OpenSession;
import backroom.edge.access.PinLockouts.Lockout;
import backroom.edge.access.StaffRoster.PinHolder;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * PIN sign-in on a paired device. {@link PinTries} admits the check against the device's tries
 * left; the slow PIN hashes are checked on the request's thread, never on the ledger writer's; the
 * writer then records the session, or the wrong PIN and any lockout. A staff member with no PIN (a
 * rebuilt box's, until a manager sets one) is signed in by none.
 */
public final class SignIns {

    static final Duration SESSION_LIFE = Duration.ofHours(12);

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Keyring keyring;
    private final SecretTokens tokens;
    private final BoxKey key;
    private final PinTries tries;
    private final Supplier<UUID> ids;
    private final Clock clock;

    public SignIns(Jdbi jdbi, LedgerWriter writer, Keyring keyring, SecretTokens tokens, BoxKey key, Supplier<UUID> ids, Clock clock) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.keyring = keyring;
        this.tokens = tokens;
        this.key = key;
        this.tries = new PinTries(jdbi, clock);
        this.ids = ids;
        this.clock = clock;
    }

    /** What sign-in answers: the session token is shown this once. */
    record SessionOpened(String sessionToken, String staffId, String name, Role role, Instant expiresAt) {
    }

    SessionOpened signIn(PairedDevice device, String pin, String staffId) {
        try (PinTries.Admitted admitted = tries.admit(device.deviceId())) {
            List<PinHolder> candidates = jdbi.withHandle(StaffRoster::active).stream()
                    .filter(holder -> staffId == null || holder.member().staffId().equals(staffId))
                    .toList();
            if (staffId != null && candidates.size() == 1 && candidates.getFirst().pinHash() == null) {
                throw noPinYet(candidates.getFirst().member());
            }
            List<PinHolder> matching = candidates.parallelStream()
                    .filter(holder -> Pins.matches(key, pin, holder.pinHash()))
                    .toList();
            if (matching.size() > 1) {
                throw Problem.invalid("staffId", "this PIN is shared by " + matching.size() + " staff members; say whose it is");
            }
            if (matching.isEmpty()) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                Lockout after = writer.submit((handle, ledger) -> PinLockouts.recordWrongPin(handle, ledger, device.deviceId(), now));
                requireUnlocked(after);
                throw new Problem(401, "Wrong PIN", "pin: wrong PIN; " + after.triesBeforeLock()
                        + " more wrong PINs lock sign-in on this device", List.of(new FieldError("pin", "is wrong")));
            }
            return startSession(device, matching.getFirst(), pin);
        }
    }

    private SessionOpened startSession(PairedDevice device, PinHolder holder, String pin) {
        StaffRoster.StaffMember member = holder.member();
        String token = tokens.sessionToken();
        OpenSession session = new OpenSession(SecretTokens.hash(token),
                new SignedInStaff(ids.get().toString(), member.staffId(), member.name(), member.role()),
                device.deviceId(), clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(SESSION_LIFE));
        String keyedHash = Pins.isUnkeyed(holder.pinHash()) ? Pins.hash(key, pin, tokens.salt()) : null;
        writer.submit((handle, ledger) -> {
            requireUnlocked(PinLockouts.of(handle, device.deviceId()));
            StaffRoster.findActive(handle, member.staffId())
                    .orElseThrow(() -> Problem.invalid("pin", "belongs to a staff member who was just removed"));
            PinLockouts.clear(handle, device.deviceId());
            if (keyedHash != null) {
                StaffRoster.replacePinHash(handle, member.staffId(), holder.pinHash(), keyedHash);
            }
            StaffSessions.start(handle, ledger, session);
            return null;
        });
        keyring.sessionStarted(session);
        return new SessionOpened(token, member.staffId(), member.name(), member.role(), session.expiresAt());
    }

    void signOut(Caller caller) {
        writer.submit((handle, ledger) -> {
            StaffSessions.end(handle, ledger, caller);
            return null;
        });
        keyring.sessionEnded(caller.staff().sessionId());
    }

    /**
     * A staff member rebuilt from HQ's copy of the ledger, whose PIN no entry carries: no PIN can be
     * right, so none is counted as wrong.
     */
    private static Problem noPinYet(StaffRoster.StaffMember member) {
        return Problem.conflict("staffId", "this staff member has no PIN on this box yet (it was rebuilt from HQ's copy of its"
                + " ledger, which holds no PINs); a manager sets one with PATCH /api/v1/staff/" + member.staffId());
    }

    private void requireUnlocked(Lockout lockout) {
        Instant now = clock.instant();
        if (lockout.lockedAt(now)) {
            throw PinTries.locked(lockout, Duration.between(now, lockout.lockedUntil()));
        }
    }
}
