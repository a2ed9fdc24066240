package backroom.edge.selforder;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;

/**
 * The self_order_tables, menu_allergens and self_orders tables written again from their entries,
 * each as its entry carries it, by {@link SelfOrderRows} as on the box.
 */
public final class SelfOrderReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        WriterStatements rows = tables.statements();
        switch (entry.type()) {
            case SelfOrderEntries.TABLE_SET -> SelfOrderRows.setTable(rows, Json.payload(entry, SelfOrderEntries.TableSet.class), entry.seq());
            case SelfOrderEntries.ALLERGENS_SET -> SelfOrderRows.setAllergens(rows, Json.payload(entry, SelfOrderEntries.AllergensSet.class),
                    entry.seq());
            case SelfOrderEntries.PLACED -> SelfOrderRows.place(rows, Json.payload(entry, SelfOrderEntries.Placed.class), entry.seq());
            case SelfOrderEntries.PAID -> SelfOrderRows.paid(rows, Json.payload(entry, SelfOrderEntries.Paid.class));
            default -> { }
        }
    }
}
