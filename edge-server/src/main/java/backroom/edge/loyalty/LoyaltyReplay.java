package backroom.edge.loyalty;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;

/**
 * The loyalty_program, customers and loyalty_moves tables written again from the
 * {@code loyalty.program_set}, {@code customer.joined} and {@code loyalty.moved} entries, each as
 * its entry carries it, by {@link LoyaltyRows} as on the box.
 */
public final class LoyaltyReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        WriterStatements rows = tables.statements();
        switch (entry.type()) {
            case LoyaltyEntries.PROGRAM_SET -> LoyaltyRows.setProgram(rows, Json.payload(entry, LoyaltyEntries.ProgramSet.class).program(),
                    entry.seq());
            case LoyaltyEntries.JOINED -> LoyaltyRows.join(rows, Json.payload(entry, LoyaltyEntries.Joined.class), entry.seq());
            case LoyaltyEntries.MOVED -> LoyaltyRows.move(rows, Json.payload(entry, LoyaltyMove.class), entry.seq());
            default -> { }
        }
    }
}
