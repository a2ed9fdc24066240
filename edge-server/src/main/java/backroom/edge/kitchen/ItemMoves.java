package backroom.edge.kitchen;

import backroom.edge.access.Actor;
import backroom.edge.ledger.LedgerAppender;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Moves items of one order to a status, brings the order's status and times along, and appends
 * the one entry that says so (plus {@code table.changed} when the table's state changed with it).
 */
final class ItemMoves {

    /** The time column of each status an item or order reaches going forward. */
    private static final Map<OrderStatus, String> TIME_OF = Map.of(
            OrderStatus.COOKING, "started_at", OrderStatus.READY, "ready_at", OrderStatus.COMPLETED, "completed_at");

    private ItemMoves() {
    }

    /** What a move does to the bumps kept for recalls of the items it moves. */
    enum Bumps {
        /** A bump: kept by its entry's seq, for a recall to take back. */
        ADD,
        /** A recall, which has taken its own bump off: the ones before it stay. */
        KEEP,
        /** A status set or a cancellation: no recall reaches back past it. */
        FORGET
    }

    /** Sets {@code items} of {@code order} to {@code to}; returns the order after. */
    static KitchenOrder move(Handle handle, LedgerAppender ledger, KitchenOrder order, List<KitchenOrder.Item> items, OrderStatus to,
                             String type, Map<String, Object> about, Bumps bumps, Actor by) {
        boolean tableWasTaken = Tables.isTaken(handle, order.tableId());
        List<Integer> itemNos = items.stream().map(KitchenOrder.Item::itemNo).toList();
        OrderStatus orderStatus = write(handle, order.orderId(), itemNos, to, bumps, ledger.nextSeq(), ledger.now());
        boolean becameReady = orderStatus == OrderStatus.READY && !order.status().equals(OrderStatus.READY.wire());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("orderId", order.orderId());
        entry.put("orderNumber", order.orderNumber());
        entry.put("tableId", order.tableId());
        entry.putAll(about);
        entry.put("stations", KitchenWrites.stationsOf(items));
        entry.put("items", itemNos);
        entry.put("status", to.wire());
        entry.put("orderStatus", orderStatus.wire());
        entry.put("by", by);
        ledger.append(type.equals("order.status_changed") && becameReady ? "order.ready" : type, entry);
        Tables.announceIfChanged(handle, ledger, order.tableId(), tableWasTaken);
        return KitchenRows.find(handle, order.orderId()).orElseThrow();
    }

    /**
     * The rows a move by entry {@code seq} writes: each item's status and times, the bumps kept for
     * recalls, and the order's status and times after; returns that status.
     */
    static OrderStatus write(Handle handle, String orderId, List<Integer> itemNos, OrderStatus to, Bumps bumps, long seq,
                             Instant now) {
        for (int itemNo : itemNos) {
            Update update = handle.createUpdate("UPDATE kitchen_items SET status = :status" + timesFor(to)
                            + " WHERE order_id = :order AND item_no = :item")
                    .bind("status", to.wire())
                    .bind("order", orderId)
                    .bind("item", itemNo);
            stamped(update, to, now).execute();
            switch (bumps) {
                case KEEP -> { }
                case ADD -> handle.createUpdate("INSERT INTO kitchen_bumps (ledger_seq, order_id, item_no) VALUES (:seq, :order, :item)")
                        .bind("seq", seq).bind("order", orderId).bind("item", itemNo).execute();
                case FORGET -> handle.createUpdate("DELETE FROM kitchen_bumps WHERE order_id = :order AND item_no = :item")
                        .bind("order", orderId).bind("item", itemNo).execute();
            }
        }
        return refresh(handle, orderId, now);
    }

    /**
     * The order's status from its items (the least advanced of those not cancelled; cancelled when
     * all are), with each time of a status it has reached kept (set now if new) and the times of
     * those it has not reached cleared.
     */
    static OrderStatus refresh(Handle handle, String orderId, Instant now) {
        OrderStatus status = KitchenRows.items(handle, orderId).stream()
                .map(item -> OrderStatus.of(item.status()))
                .filter(itemStatus -> itemStatus != OrderStatus.CANCELLED)
                .min(Comparator.naturalOrder())
                .orElse(OrderStatus.CANCELLED);
        Update update = handle.createUpdate("UPDATE kitchen_orders SET status = :status" + timesFor(status) + " WHERE id = :id")
                .bind("status", status.wire())
                .bind("id", orderId);
        stamped(update, status, now).execute();
        return status;
    }

    /**
     * SET clauses for the time columns: each kept, or set to :now, up to {@code status}, and
     * cleared past it; none for cancelled, which keeps the times reached before it.
     */
    private static String timesFor(OrderStatus status) {
        if (status == OrderStatus.CANCELLED) {
            return "";
        }
        StringBuilder set = new StringBuilder();
        TIME_OF.forEach((reached, column) -> set.append(", ").append(column).append(reached.compareTo(status) <= 0
                ? " = COALESCE(" + column + ", :now)" : " = NULL"));
        return set.toString();
    }

    private static Update stamped(Update update, OrderStatus status, Instant now) {
        return status == OrderStatus.CANCELLED ? update : update.bind("now", now.atOffset(ZoneOffset.UTC));
    }
}
