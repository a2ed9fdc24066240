package backroom.edge.loyalty;

import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The loyalty_program, customers and loyalty_moves tables written again from the
 * {@code loyalty.program_set}, {@code customer.joined} and {@code loyalty.moved} entries, each as
 * its entry carries it, by {@link LoyaltyRows} as on the box.
 */
public final class LoyaltyReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case LoyaltyEntries.PROGRAM_SET -> LoyaltyRows.setProgram(tables.statements(),
                    read(entry, LoyaltyEntries.ProgramSet.class).program(), entry.seq());
            case LoyaltyEntries.JOINED -> LoyaltyRows.join(tables.statements(), read(entry, LoyaltyEntries.Joined.class), entry.seq());
            case LoyaltyEntries.MOVED -> LoyaltyRows.move(tables.statements(), read(entry, LoyaltyMove.class), entry.seq());
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
