package backroom.edge.kitchen;

import backroom.edge.ledger.LedgerAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Tables as their dine-in orders and holds leave them: occupied while one of its orders is open or
 * an open check holds it ({@link TableHolds}), available again once neither is left. A change is a
 * {@code table.changed} entry.
 */
final class Tables {

    private Tables() {
    }

    /** A table as {@code GET /api/v1/tables} shows it: {@code checkId} is the open check that holds it, if one does. */
    record DiningTable(String tableId, String status, String currentOrderId, String checkId) {
    }

    /** Every table an order or a hold has named, in id order. */
    static List<DiningTable> all(Handle handle) {
        return handle.createQuery("""
                        SELECT table_id FROM kitchen_orders WHERE table_id IS NOT NULL
                        UNION SELECT table_id FROM table_holds ORDER BY table_id""")
                .mapTo(String.class)
                .list()
                .stream()
                .map(tableId -> table(handle, tableId))
                .toList();
    }

    static boolean isTaken(Handle handle, String tableId) {
        return tableId != null && table(handle, tableId).status().equals(OCCUPIED);
    }

    /** Appends {@code table.changed} when the table is taken now and was not, or the other way round. */
    static void announceIfChanged(Handle handle, LedgerAppender ledger, String tableId, boolean wasTaken) {
        if (tableId == null) {
            return;
        }
        DiningTable table = table(handle, tableId);
        if (table.status().equals(OCCUPIED) == wasTaken) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tableId", table.tableId());
        entry.put("status", table.status());
        entry.put("currentOrderId", table.currentOrderId());
        entry.put("checkId", table.checkId());
        ledger.append("table.changed", entry);
    }

    private static final String OCCUPIED = "occupied";

    private static DiningTable table(Handle handle, String tableId) {
        String currentOrderId = KitchenRows.openOrdersHolding(handle, tableId).stream().findFirst().orElse(null);
        Optional<String> checkId = TableHolds.holderOf(handle, tableId);
        boolean occupied = currentOrderId != null || checkId.isPresent();
        return new DiningTable(tableId, occupied ? OCCUPIED : "available", currentOrderId, checkId.orElse(null));
    }
}
