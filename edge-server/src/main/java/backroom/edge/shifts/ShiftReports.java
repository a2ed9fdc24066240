package backroom.edge.shifts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Adds up a shift's sales, payments, voids, refunds, cash movements and no-sale opens into an X or Z report. */
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
        Map<String, Long> refundsByMethod = refundsByMethod(handle, shift.shiftId());
        long refundsCount = count(handle, "SELECT COUNT(*) FROM refunds WHERE shift_id = :shift", shift.shiftId());
        long cashIn = cashMoved(handle, shift.shiftId(), "in");
        long cashOut = cashMoved(handle, shift.shiftId(), "out");
        List<ShiftReport.StaffTips> tips = tipsByStaff(handle, shift.shiftId());
        long cashTips = tips.stream().mapToLong(ShiftReport.StaffTips::cash).sum();
        long expected = shift.openingFloat() + byMethod.getOrDefault("cash", 0L) + cashTips + cashIn - cashOut
                - refundsByMethod.getOrDefault("cash", 0L);
        Long counted = shift.countedCash();
        return new ShiftReport(shift.shiftId(), shift.registerId(), shift.status(), shift.openingFloat(), expected,
                counted, counted == null ? null : counted - expected, byMethod,
                sales.count(), sales.total(), voids.count(), voids.total(),
                refundsCount, refundsByMethod.values().stream().mapToLong(Long::longValue).sum(), refundsByMethod,
                cashIn, cashOut, count(handle, "SELECT COUNT(*) FROM drawer_openings WHERE shift_id = :shift", shift.shiftId()),
                tips.stream().mapToLong(ShiftReport.StaffTips::total).sum(), tips);
    }

    /** Tips on the shift's sales that were not voided, by the staff member who rang each sale; cash tips are in the drawer. */
    private static List<ShiftReport.StaffTips> tipsByStaff(Handle handle, String shiftId) {
        return handle.createQuery("""
                        SELECT s.staff_id, st.name,
                               COALESCE(SUM(CASE WHEN p.method = 'card' THEN p.tip END), 0) AS card,
                               COALESCE(SUM(CASE WHEN p.method = 'cash' THEN p.tip END), 0) AS cash
                        FROM sale_payments p JOIN sales s ON s.id = p.sale_id LEFT JOIN staff st ON st.id = s.staff_id
                        WHERE s.shift_id = :shift AND p.tip > 0 AND NOT EXISTS (SELECT 1 FROM sale_voids v WHERE v.sale_id = s.id)
                        GROUP BY s.staff_id, st.name ORDER BY st.name, s.staff_id""")
                .bind("shift", shiftId)
                .map((rs, ctx) -> new ShiftReport.StaffTips(rs.getString("staff_id"), rs.getString("name"), rs.getLong("card"),
                        rs.getLong("cash"), rs.getLong("card") + rs.getLong("cash")))
                .list();
    }

    private static Map<String, Long> refundsByMethod(Handle handle, String shiftId) {
        Map<String, Long> byMethod = new LinkedHashMap<>();
        handle.createQuery("SELECT method, SUM(amount) AS refunded FROM refunds WHERE shift_id = :shift GROUP BY method ORDER BY method")
                .bind("shift", shiftId)
                .map((rs, ctx) -> Map.entry(rs.getString("method"), rs.getLong("refunded")))
                .forEach(e -> byMethod.put(e.getKey(), e.getValue()));
        return byMethod;
    }

    private static long cashMoved(Handle handle, String shiftId, String kind) {
        return handle.createQuery("SELECT COALESCE(SUM(amount), 0) FROM cash_movements WHERE shift_id = :shift AND kind = :kind")
                .bind("shift", shiftId)
                .bind("kind", kind)
                .mapTo(Long.class)
                .one();
    }

    private static long count(Handle handle, String sql, String shiftId) {
        return handle.createQuery(sql).bind("shift", shiftId).mapTo(Long.class).one();
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
