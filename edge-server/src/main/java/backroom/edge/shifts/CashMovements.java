package backroom.edge.shifts;

import backroom.edge.access.Actor;
import backroom.edge.access.ActorColumns;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.web.Problem;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The cash_movements table, and the write that moves cash in or out of an open shift's drawer. */
final class CashMovements {

    private CashMovements() {
    }

    /** Refuses a closed shift, and taking out more cash than the drawer should hold. */
    static CashMovement move(Handle handle, LedgerAppender ledger, String movementId, String shiftId, CashMovementRequest request,
                             Actor by) {
        Shift shift = Shifts.requireOpen(handle, shiftId, "shiftId", true);
        if (request.kind().equals("out")) {
            long inDrawer = ShiftReports.report(handle, shift).expectedCash();
            if (request.amount() > inDrawer) {
                throw Problem.conflict("amount", "the drawer should hold only " + inDrawer + "; cannot take out " + request.amount());
            }
        }
        CashMovement movement = new CashMovement(movementId, shiftId, request.kind(), request.amount(), request.reason(),
                ledger.nextSeq(), ledger.now(), by);
        insert(handle, movement);
        ledger.append("cash.moved", movement);
        return movement;
    }

    /** The row of {@code movement}, which is its {@code cash.moved} entry's payload. */
    static void insert(Handle handle, CashMovement movement) {
        handle.createUpdate("""
                        INSERT INTO cash_movements (id, shift_id, kind, amount, reason, staff_id, device_id, ledger_seq, moved_at)
                        VALUES (:id, :shift, :kind, :amount, :reason, :staff, :device, :seq, :at)""")
                .bind("id", movement.movementId())
                .bind("shift", movement.shiftId())
                .bind("kind", movement.kind())
                .bind("amount", movement.amount())
                .bind("reason", movement.reason())
                .bind("staff", movement.by().staffId())
                .bind("device", movement.by().deviceId())
                .bind("seq", movement.ledgerSeq())
                .bind("at", movement.movedAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    static List<CashMovement> ofShift(Handle handle, String shiftId) {
        return handle.createQuery("""
                        SELECT m.id, m.shift_id, m.kind, m.amount, m.reason, m.ledger_seq, m.moved_at,
                               m.staff_id, st.name AS staff_name, st.role AS staff_role, m.device_id, d.name AS device_name
                        FROM cash_movements m LEFT JOIN staff st ON st.id = m.staff_id LEFT JOIN devices d ON d.id = m.device_id
                        WHERE m.shift_id = :shift ORDER BY m.ledger_seq""")
                .bind("shift", shiftId)
                .map((rs, ctx) -> new CashMovement(rs.getString("id"), rs.getString("shift_id"), rs.getString("kind"),
                        rs.getLong("amount"), rs.getString("reason"), rs.getLong("ledger_seq"),
                        rs.getObject("moved_at", OffsetDateTime.class).toInstant(), ActorColumns.read(rs)))
                .list();
    }
}
