package backroom.edge.sales;

import backroom.edge.access.Actor;
import java.time.Instant;
import java.util.List;

/**
 * Money given back for some or all of a sale's items, from the drawer of {@code shiftId}; given
 * back onto a gift card or as store credit, {@code reference} is that card's number.
 */
public record Refund(
        String refundId,
        String saleId,
        String shiftId,
        String method,
        String reference,
        long amount,
        String reason,
        List<Line> lines,
        long ledgerSeq,
        Instant refundedAt,
        Actor by) {

    /** Units of one sale line given back, and the money for them. */
    public record Line(int lineNo, int quantity, long amount) {
    }
}
