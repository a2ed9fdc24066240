package backroom.edge.shifts;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shifts and cash_movements tables written again from the {@code shift.opened},
 * {@code shift.closed} and {@code cash.moved} entries, through the same row writes as the live
 * shift: the X and Z reports add these rows up with the sales, refunds and no-sale opens their own
 * replays write. A shift's {@code opened_at} and {@code closed_at} are its entry's time, which the
 * live write stamped them with (on boxes from before a write's time was fixed once, the old row
 * took the clock up to a millisecond before its entry did); {@code expected_cash} is the Z
 * report's, which the live close computed the same way before it wrote the report.
 */
public final class ShiftsReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "shift.opened" -> {
                JsonNode shift = Json.read(entry.payload());
                Shifts.insertOpened(tables.handle(), shift.path("shiftId").asText(), shift.path("registerId").asText(),
                        shift.path("openingFloat").asLong(), entry.occurredAt());
            }
            case "shift.closed" -> {
                JsonNode z = Json.read(entry.payload());
                Shifts.markClosed(tables.handle(), z.path("shiftId").asText(), entry.occurredAt(), z.path("countedCash").asLong(),
                        z.path("expectedCash").asLong());
            }
            case "cash.moved" -> CashMovements.insert(tables.handle(), movement(entry));
            default -> { }
        }
    }

    private static CashMovement movement(LedgerEntry entry) {
        try {
            return Json.MAPPER.readValue(entry.payload(), CashMovement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ledger entry " + entry.seq() + " (cash.moved) is not a cash movement", e);
        }
    }
}
