package backroom.edge.drawer;

import backroom.edge.access.Actor;
import java.time.Instant;

/** A no-sale open of a register's drawer; {@code shiftId} is the shift open on the register then, if any. */
public record DrawerOpening(String drawerOpeningId, String registerId, String shiftId, String reason, long ledgerSeq,
                            Instant openedAt, Actor by) {
}
