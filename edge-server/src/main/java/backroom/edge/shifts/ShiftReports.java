package backroom.edge.shifts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Adds up a shift's sales, payments and voids into an X or Z report. */
final class ShiftReports {

    private ShiftReports() {
    }

    static ShiftReport report(Handle handle, Shift shift) {
        Map<String, Long> byMethod = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT p.method, SUM(p.amount) AS taken
                        FROM sale_payments p JOIN sales s ON s.id = p.sale_id
                        WHERE s.shift_id = :shift AND NOT EXISTS (SELECT 1 FROM sale_voids v WHERE v.sale_id = s.id)
                        GROUP BY p.method ORDER BY p.method""")
                .bind("shift", shift.shiftId())
                .map((rs, ctx) -> Map.entry(rs.getString("method"), rs.getLong("taken")))
                .forEach(e -> byMethod.put(e.getKey(), e.getValue()));
        Totals sales = totals(handle, shift.shiftId(), false);
        Totals voids = totals(handle, shift.shiftId(), true);
        long changeGiven = sales.change();
        byMethod.computeIfPresent("cash", (method, taken) -> taken - changeGiven);
        long expected = shift.openingFloat() + byMethod.getOrDefault("cash", 0L);
        Long counted = shift.countedCash();
        return new ShiftReport(shift.shiftId(), shift.registerId(), shift.status(), shift.openingFloat(), expected,
                counted, counted == null ? null : counted - expected, byMethod,
                sales.count(), sales.total(), voids.count(), voids.total());
    }

    private static Totals totals(Handle handle, String shiftId, boolean voided) {
        return handle.createQuery("""
                        SELECT COUNT(*) AS n, COALESCE(SUM(s.grand_total), 0) AS total, COALESCE(SUM(s.change_due), 0) AS change
                        FROM sales s LEFT JOIN sale_voids v ON v.sale_id = s.id
                        WHERE s.shift_id = :shift AND (v.sale_id IS NOT NULL) = :voided""")
                .bind("shift", shiftId)
                .bind("voided", voided)
                .map((rs, ctx) -> new Totals(rs.getLong("n"), rs.getLong("total"), rs.getLong("change")))
                .one();
    }

    private record Totals(long count, long total, long change) {
    }
}
