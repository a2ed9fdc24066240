package backroom.edge.shifts;

import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRows;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableDisagreement;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shifts and cash_movements tables held to the {@code shift.opened}, {@code shift.closed} and
 * {@code cash.moved} entries: the opening float, the counted and expected cash of a Z report, and
 * every cash movement, which the X and Z reports add up.
 */
public final class ShiftsAudit implements TableAudit {

    private long opened;
    private long closed;
    private long cashMoves;

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "shift.opened" -> shiftOpened(tables, entry, LedgerAudit.payload(entry));
            case "shift.closed" -> shiftClosed(tables, entry, LedgerAudit.payload(entry));
            case "cash.moved" -> cashMoved(tables, entry, LedgerAudit.payload(entry));
            default -> { }
        }
    }

    private void shiftOpened(AuditedTables tables, LedgerEntry entry, JsonNode shift) {
        String id = shift.path("shiftId").asText();
        ExpectedRow.in("shifts", "id " + id)
                .column("register_id", shift.path("registerId"))
                .column("opening_float", shift.path("openingFloat"))
                .stampedAt("opened_at", entry.occurredAt())
                .checkAgainst(tables.row("SELECT * FROM shifts WHERE id = ?", id), entry);
        opened++;
    }

    private void shiftClosed(AuditedTables tables, LedgerEntry entry, JsonNode report) {
        String id = report.path("shiftId").asText();
        ExpectedRow.in("shifts", "id " + id)
                .column("open_register", (Object) null)
                .column("counted_cash", report.path("countedCash"))
                .column("expected_cash", report.path("expectedCash"))
                .stampedAt("closed_at", entry.occurredAt())
                .checkAgainst(tables.row("SELECT * FROM shifts WHERE id = ?", id), entry);
        closed++;
    }

    private void cashMoved(AuditedTables tables, LedgerEntry entry, JsonNode movement) {
        String id = movement.path("movementId").asText();
        ExpectedRow.in("cash_movements", "id " + id)
                .column("shift_id", movement.path("shiftId"))
                .column("kind", movement.path("kind"))
                .column("amount", movement.path("amount"))
                .column("reason", movement.path("reason"))
                .column("staff_id", movement.path("by").path("staffId"))
                .column("device_id", movement.path("by").path("deviceId"))
                .column("ledger_seq", entry.seq())
                .time("moved_at", movement.path("movedAt"))
                .checkAgainst(tables.row("SELECT * FROM cash_movements WHERE id = ?", id), entry);
        cashMoves++;
    }

    /** Cash movements no entry made; from the first entry on, shifts no entry opened, or closed without a Z report. */
    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        LedgerRows.requireNoOthers(tables, "cash_movements", cashMoves, fromSeq, "'id ' || id", "cash.moved");
        if (fromSeq != 0) {
            return;
        }
        requireShifts(tables, "SELECT COUNT(*) FROM shifts", opened, "shift.opened",
                "SELECT id FROM shifts ORDER BY opened_at", "were opened", "was opened");
        requireShifts(tables, "SELECT COUNT(*) FROM shifts WHERE closed_at IS NOT NULL", closed, "shift.closed",
                "SELECT id FROM shifts WHERE closed_at IS NOT NULL ORDER BY closed_at", "are closed", "is closed");
    }

    private static void requireShifts(AuditedTables tables, String countSql, long entries, String entryType, String idsSql,
                                      String rowsState, String state) {
        long count = tables.count(countSql);
        if (count == entries) {
            return;
        }
        String unexplained = tables.rows(idsSql).stream()
                .map(row -> (String) row.get("id"))
                .filter(id -> tables.count("SELECT COUNT(*) FROM ledger WHERE type = ? AND payload LIKE ?",
                        entryType, "%\"shiftId\":\"" + id + "\"%") == 0)
                .findFirst()
                .map(id -> "; shift " + id + " " + state + " but no " + entryType + " entry says so")
                .orElse("");
        throw new TableDisagreement("shifts holds " + count + " rows that " + rowsState + " but the ledger has " + entries + " "
                + entryType + " entries" + unexplained);
    }
}
