package backroom.edge.drawer;

import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRows;
import backroom.edge.ledger.TableAudit;
import com.fasterxml.jackson.databind.JsonNode;

/** The drawer_openings table held to the {@code drawer.opened} entries: the no-sale opens a Z report counts. */
public final class DrawerAudit implements TableAudit {

    private long openings;

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        if (!entry.type().equals("drawer.opened")) {
            return;
        }
        JsonNode opening = LedgerAudit.payload(entry);
        String id = opening.path("drawerOpeningId").asText();
        ExpectedRow.in("drawer_openings", "id " + id)
                .column("register_id", opening.path("registerId"))
                .column("shift_id", opening.path("shiftId"))
                .column("reason", opening.path("reason"))
                .column("staff_id", opening.path("by").path("staffId"))
                .column("device_id", opening.path("by").path("deviceId"))
                .column("ledger_seq", entry.seq())
                .time("opened_at", opening.path("openedAt"))
                .checkAgainst(tables.row("SELECT * FROM drawer_openings WHERE id = ?", id), entry);
        openings++;
    }

    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        LedgerRows.requireNoOthers(tables, "drawer_openings", openings, fromSeq, "'id ' || id", "drawer.opened");
    }
}
