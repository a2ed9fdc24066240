package backroom.edge.storedvalue;

import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The stored_value_accounts and stored_value_moves tables written again from the
 * {@code stored_value.opened} and {@code stored_value.moved} entries, each movement as its entry
 * carries it, by {@link CardRows} as on the box.
 */
public final class StoredValueReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case StoredValue.OPENED -> CardRows.open(tables.statements(), read(entry), entry.seq());
            case StoredValue.MOVED -> CardRows.move(tables.statements(), read(entry), entry.seq());
            default -> { }
        }
    }

    private static CardMove read(LedgerEntry entry) {
        try {
            return Json.MAPPER.readValue(entry.payload(), CardMove.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ExpectedRow.said(entry) + " cannot be read as a card's movement: " + e.getOriginalMessage(), e);
        }
    }
}
