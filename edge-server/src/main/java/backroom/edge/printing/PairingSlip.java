package backroom.edge.printing;

import java.time.Instant;

/**
 * A pairing code for a new tablet or screen, printed for the person who sets it up. The code is
 * kept only until the slip is printed: the job's document then keeps the rest without it, so a
 * copy of the database never holds a live code in the clear.
 */
public record PairingSlip(String code, String deviceName, String deviceKind, Instant expiresAt, String requestedBy)
        implements PrintDocument {

    /** The slip as kept once printed: everything but the code. */
    @Override
    public PairingSlip keptOncePrinted() {
        return new PairingSlip(null, deviceName, deviceKind, expiresAt, requestedBy);
    }
}
