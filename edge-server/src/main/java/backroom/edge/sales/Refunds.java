package backroom.edge.sales;

import backroom.edge.access.ActorColumns;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The refunds and refund_lines tables. */
final class Refunds {

    private Refunds() {
    }

    /** The refund's rows, as the refunding write makes them and as {@link SalesReplay} makes them again from its entry. */
    static void insert(Handle handle, Refund refund) {
        handle.createUpdate("""
                        INSERT INTO refunds (id, sale_id, shift_id, method, reference, amount, reason, staff_id, device_id, ledger_seq,
                                             refunded_at)
                        VALUES (:id, :sale, :shift, :method, :reference, :amount, :reason, :staff, :device, :seq, :at)""")
                .bind("id", refund.refundId())
                .bind("sale", refund.saleId())
                .bind("shift", refund.shiftId())
                .bind("method", refund.method())
                .bind("reference", refund.reference())
                .bind("amount", refund.amount())
                .bind("reason", refund.reason())
                .bind("staff", refund.by().staffId())
                .bind("device", refund.by().deviceId())
                .bind("seq", refund.ledgerSeq())
                .bind("at", refund.refundedAt().atOffset(ZoneOffset.UTC))
                .execute();
        for (Refund.Line line : refund.lines()) {
            handle.createUpdate("INSERT INTO refund_lines (refund_id, line_no, quantity, amount) VALUES (:id, :line, :quantity, :amount)")
                    .bind("id", refund.refundId())
                    .bind("line", line.lineNo())
                    .bind("quantity", line.quantity())
                    .bind("amount", line.amount())
                    .execute();
        }
    }

    /** Units already refunded, by sale line number. */
    static Map<Integer, Integer> refundedUnits(Handle handle, String saleId) {
        Map<Integer, Integer> units = new HashMap<>();
        handle.createQuery("""
                        SELECT l.line_no, SUM(l.quantity) AS units FROM refund_lines l JOIN refunds r ON r.id = l.refund_id
                        WHERE r.sale_id = :sale GROUP BY l.line_no""")
                .bind("sale", saleId)
                .map((rs, ctx) -> Map.entry(rs.getInt("line_no"), rs.getInt("units")))
                .forEach(e -> units.put(e.getKey(), e.getValue()));
        return units;
    }

    static List<Refund> ofSale(Handle handle, String saleId) {
        return handle.createQuery("""
                        SELECT r.id, r.sale_id, r.shift_id, r.method, r.reference, r.amount, r.reason, r.ledger_seq, r.refunded_at,
                               r.staff_id, st.name AS staff_name, st.role AS staff_role, r.device_id, d.name AS device_name
                        FROM refunds r LEFT JOIN staff st ON st.id = r.staff_id LEFT JOIN devices d ON d.id = r.device_id
                        WHERE r.sale_id = :sale ORDER BY r.ledger_seq""")
                .bind("sale", saleId)
                .map((rs, ctx) -> new Refund(rs.getString("id"), rs.getString("sale_id"), rs.getString("shift_id"),
                        rs.getString("method"), rs.getString("reference"), rs.getLong("amount"), rs.getString("reason"),
                        lines(handle, rs.getString("id")), rs.getLong("ledger_seq"), rs.getObject("refunded_at", OffsetDateTime.class).toInstant(), ActorColumns.read(rs)))
                .list();
    }

    private static List<Refund.Line> lines(Handle handle, String refundId) {
        return handle.createQuery("SELECT line_no, quantity, amount FROM refund_lines WHERE refund_id = :id ORDER BY line_no")
                .bind("id", refundId)
                .map((rs, ctx) -> new Refund.Line(rs.getInt("line_no"), rs.getInt("quantity"), rs.getLong("amount")))
                .list();
    }
}
