package backroom.edge.shifts;

import java.util.Map;

/**
 * X report (shift still open: {@code countedCash} and {@code variance} are null) or Z report
 * (at close). Expected cash = opening float + cash taken - change given, for sales not voided.
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
        long voidsTotal) {
}
