package backroom.edge.access;

import backroom.edge.access.Pairing.MadeCode;
import backroom.edge.ledger.LedgerWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * A box nobody can sign in to (no staff member has a PIN) gets a technician PIN and a pairing code
 * for one terminal, so whoever unpacks it can start at once; the PIN is random unless
 * {@code BACKROOM_BOOTSTRAP_PIN} fixes it. A new box has no staff: the PIN is a new technician's. A box rebuilt from HQ's copy of
 * its ledger has its staff back without PINs (no entry carries one): the PIN is given to the first
 * technician the ledger names ({@code staff.changed}), who then sets the others' PINs, or a manager
 * does. Both are made in one write, so a box that stops half way starts again from nothing, and
 * are returned only on that start: they are shown once.
 */
public record FirstStart(String technicianPin, MadeCode pairingCode) {

    static final String TECHNICIAN_NAME = "Technician";
    static final String FIRST_DEVICE_NAME = "First terminal";

    public static Optional<FirstStart> provisionIfNew(Jdbi jdbi, LedgerWriter writer, SecretTokens tokens, BoxKey key,
                                                      Supplier<UUID> ids, Clock clock, String bootstrapPin) {
        if (jdbi.withHandle(StaffRoster::anyoneHoldsPin)) {
            return Optional.empty();
        }
        if (bootstrapPin != null && !Pins.wellFormed(bootstrapPin)) {
            throw new IllegalArgumentException("BACKROOM_BOOTSTRAP_PIN must be 4 to 8 digits");
        }
        String pin = bootstrapPin != null ? bootstrapPin : tokens.pin();
        String pinHash = Pins.hash(key, pin, tokens.salt());
        String digits = tokens.pairingCode();
        PairingCode code = Pairing.newCode(key, digits, FIRST_DEVICE_NAME, DeviceKind.TERMINAL, clock.instant());
        String staffId = ids.get().toString();
        writer.submit((handle, ledger) -> {
            Optional<StaffRoster.StaffMember> rebuilt = StaffRoster.firstTechnicianWithoutPin(handle);
            if (rebuilt.isPresent()) {
                StaffRoster.change(handle, ledger, rebuilt.get().staffId(), null, null, pinHash, null);
            } else {
                StaffRoster.add(handle, ledger, staffId, TECHNICIAN_NAME, Role.TECHNICIAN, pinHash, null);
            }
            PairingCodes.record(handle, ledger, code, null);
            return null;
        });
        return Optional.of(new FirstStart(pin, new MadeCode(digits, code.name(), code.kind(), code.expiresAt())));
    }
}
