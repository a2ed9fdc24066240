package backroom.edge.shifts;

import java.util.List;
import java.util.Map;

/**
 * X report (shift still open: {@code countedCash} and {@code variance} are null) or Z report (at
 * close). {@code totalsByMethod} is what sales not voided took, by payment method, cash net of
 * change given; refunds made from this shift's drawer are counted apart in {@code refundsByMethod}.
 * Expected cash = opening float + cash taken - change given + cash tips + cash in - cash out - cash
 * refunded. Variance = counted - expected. {@code tipsByStaff} is each staff member's tips on the
 * sales they rang, by card and in cash; {@code tipsTotal} all of them.
 */
public record ShiftReport(
        String shiftId,
        String registerId,
        String status,
        long openingFloat,
        long expectedCash,
        Long countedCash,
        Long variance,
        Map<String, Long> totalsByMethod,
        long salesCount,
        long salesTotal,
        long voidsCount,
        long voidsTotal,
        long refundsCount,
        long refundsTotal,
        Map<String, Long> refundsByMethod,
        long cashIn,
        long cashOut,
        long noSaleOpens,
        long tipsTotal,
        List<StaffTips> tipsByStaff) {

    /** The tips taken on the sales a staff member rang in the shift (not voided), by card and in cash. */
    public record StaffTips(String staffId, String name, long card, long cash, long total) {
    }
}
