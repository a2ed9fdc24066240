package backroom.edge.kitchen;

import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Problem;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A table held by an open check, in the check's own ledger write: occupied from the hold until its
 * release whatever its kitchen orders do, and {@code table.changed} appended when that changes
 * what the table is. The holder's entries name the table; a replay holds it again from them.
 */
public final class TableHolds {

    private TableHolds() {
    }

    /**
     * Holds {@code tableId} for {@code holderId}, whose entry {@code holderSeq} names it; a 409
     * naming {@code field} when another holds it.
     */
    public static void hold(Handle handle, LedgerAppender ledger, String tableId, String holderId, long holderSeq, String field) {
        Optional<String> holder = holderOf(handle, tableId);
        if (holder.isPresent()) {
            if (holder.get().equals(holderId)) {
                return;
            }
            throw Problem.conflict(field, "table " + tableId + " has open check " + holder.get() + " (merge the two to join them)");
        }
        boolean wasTaken = Tables.isTaken(handle, tableId);
        write(ledger.statements(), tableId, holderId, holderSeq);
        Tables.announceIfChanged(handle, ledger, tableId, wasTaken);
    }

    /** Lets go of {@code tableId} if {@code holderId} holds it. */
    public static void release(Handle handle, LedgerAppender ledger, String tableId, String holderId) {
        if (tableId == null || !holderOf(handle, tableId).filter(holderId::equals).isPresent()) {
            return;
        }
        boolean wasTaken = Tables.isTaken(handle, tableId);
        erase(ledger.statements(), tableId);
        Tables.announceIfChanged(handle, ledger, tableId, wasTaken);
    }

    /** The hold's row, as a hold writes it and as its holder's replay writes it again from the holder's entry. */
    public static void write(WriterStatements statements, String tableId, String holderId, long seq) {
        statements.update("INSERT INTO table_holds (table_id, holder_id, ledger_seq) VALUES (?, ?, ?)", tableId, holderId, seq);
    }

    /** The hold's row gone, as a release takes it and as its holder's replay takes it again. */
    public static void erase(WriterStatements statements, String tableId) {
        statements.update("DELETE FROM table_holds WHERE table_id = ?", tableId);
    }

    /** The check that holds {@code tableId}, if one does. */
    public static Optional<String> holderOf(Handle handle, String tableId) {
        return handle.createQuery("SELECT holder_id FROM table_holds WHERE table_id = :table")
                .bind("table", tableId)
                .mapTo(String.class)
                .findOne();
    }
}
