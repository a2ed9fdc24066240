package backroom.edge.shifts;

import backroom.edge.access.Actor;
import java.time.Instant;

/** Cash put into ({@code in}: more change) or taken out of ({@code out}: a paid-out, a bank drop) a shift's drawer. */
public record CashMovement(String movementId, String shiftId, String kind, long amount, String reason, long ledgerSeq,
                           Instant movedAt, Actor by) {
}
