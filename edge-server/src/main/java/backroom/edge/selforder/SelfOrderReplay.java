package backroom.edge.selforder;

import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The self_order_tables, menu_allergens and self_orders tables written again from their entries,
 * each as its entry carries it, by {@link SelfOrderRows} as on the box.
 */
public final class SelfOrderReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case SelfOrderEntries.TABLE_SET -> SelfOrderRows.setTable(tables.statements(), read(entry, SelfOrderEntries.TableSet.class),
                    entry.seq());
            case SelfOrderEntries.ALLERGENS_SET -> SelfOrderRows.setAllergens(tables.statements(),
                    read(entry, SelfOrderEntries.AllergensSet.class), entry.seq());
            case SelfOrderEntries.PLACED -> SelfOrderRows.place(tables.statements(), read(entry, SelfOrderEntries.Placed.class), entry.seq());
            case SelfOrderEntries.PAID -> SelfOrderRows.paid(tables.statements(), read(entry, SelfOrderEntries.Paid.class));
            default -> { }
        }
    }

    private static <T> T read(LedgerEntry entry, Class<T> type) {
        try {
            return Json.MAPPER.readValue(entry.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ExpectedRow.said(entry) + " cannot be read as " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
