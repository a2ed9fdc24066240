package backroom.edge.checks;

import backroom.edge.sales.SaleLine;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An open check as {@code GET /api/v1/checks/{id}} shows it: its lines as taken round by round
 * (at their own prices, or the price a supervisor set), what they come to now after the check's
 * discount (a fixed amount or a percentage, {@code discountTotal} taken off), how it is split to be paid (no parts until it is split or a payment is
 * taken) and what is still due. {@code status} is open, closed (paid) or merged (into
 * {@code mergedInto}).
 */
public record Check(
        String checkId,
        String tableId,
        String name,
        String orderType,
        Integer guests,
        String status,
        String mergedInto,
        int rounds,
        List<SaleLine> lines,
        long subtotal,
        long taxTotal,
        long serviceCharge,
        long rounding,
        long grandTotal,
        Map<String, Long> taxByRate,
        Long discountAmount,
        Integer discountPercentBp,
        String discountReason,
        long discountTotal,
        String splitBy,
        List<Part> parts,
        long paidTotal,
        long balanceDue,
        long ledgerSeq,
        Instant openedAt,
        Instant closedAt) {

    static final String OPEN = "open";
    static final String CLOSED = "closed";
    static final String MERGED = "merged";

    boolean isOpen() {
        return OPEN.equals(status);
    }

    boolean anyPartPaid() {
        return parts.stream().anyMatch(Part::isPaid);
    }

    CheckDiscount discount() {
        return new CheckDiscount(discountAmount, discountPercentBp);
    }

    /**
     * What one part pays: its lines (by item; none for a part split equally or by amount), its share
     * of every total, and the sale that paid it once it is paid.
     */
    public record Part(int partNo, List<Integer> lineNos, long subtotal, long taxTotal, long serviceCharge, long rounding,
                       long grandTotal, Map<String, Long> taxByRate, String saleId, String receiptNumber) {

        boolean isPaid() {
            return saleId != null;
        }
    }
}
