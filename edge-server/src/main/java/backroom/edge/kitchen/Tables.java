package backroom.edge.kitchen;

import backroom.edge.ledger.LedgerAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Tables as their dine-in orders leave them: occupied while one of its orders is open, available
 * again once the last completes or is cancelled. A change is a {@code table.changed} entry.
 */
final class Tables {

    private Tables() {
    }

    /** A table as {@code GET /api/v1/tables} shows it. */
    record DiningTable(String tableId, String status, String currentOrderId) {
    }

    /** Every table an order has named, in id order. */
    static List<DiningTable> all(Handle handle) {
        return handle.createQuery("SELECT DISTINCT table_id FROM kitchen_orders WHERE table_id IS NOT NULL ORDER BY table_id")
                .mapTo(String.class)
                .list()
                .stream()
                .map(tableId -> table(tableId, KitchenRows.openOrdersOn(handle, tableId).stream().findFirst().orElse(null)))
                .toList();
    }

    static boolean isTaken(Handle handle, String tableId) {
        return tableId != null && !KitchenRows.openOrdersOn(handle, tableId).isEmpty();
    }

    /** Appends {@code table.changed} when the table is taken now and was not, or the other way round. */
    static void announceIfChanged(Handle handle, LedgerAppender ledger, String tableId, boolean wasTaken) {
        if (tableId == null) {
            return;
        }
        List<String> open = KitchenRows.openOrdersOn(handle, tableId);
        if (open.isEmpty() == !wasTaken) {
            return;
        }
        DiningTable table = table(tableId, open.isEmpty() ? null : open.getFirst());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tableId", table.tableId());
        entry.put("status", table.status());
        entry.put("currentOrderId", table.currentOrderId());
        ledger.append("table.changed", entry);
    }

    private static DiningTable table(String tableId, String currentOrderId) {
        return new DiningTable(tableId, currentOrderId == null ? "available" : "occupied", currentOrderId);
    }
}
