package backroom.edge.kitchen;

import backroom.edge.access.Actor;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.web.Problem;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What screens, bump bars and the counter do to an order, each one ledger write: a bump moves a
 * station's least advanced items one status on (at {@link KitchenWrites#EXPO}, or with no
 * station, the whole order's); a status set moves them straight to one; a recall takes a
 * station's last bump back; a rush puts an order first.
 */
final class KitchenMoves {

    private KitchenMoves() {
    }

    static KitchenOrder bump(Handle handle, LedgerAppender ledger, String orderId, String station, Actor by) {
        KitchenOrder order = find(handle, orderId);
        List<KitchenOrder.Item> open = at(order, station).stream().filter(item -> OrderStatus.of(item.status()).isOpen()).toList();
        OrderStatus from = open.stream().map(item -> OrderStatus.of(item.status())).min(Comparator.naturalOrder())
                .orElseThrow(() -> Problem.conflict("orderId", "order " + order.orderNumber() + " has nothing left to bump"
                        + where(station)));
        List<KitchenOrder.Item> moving = open.stream().filter(item -> OrderStatus.of(item.status()) == from).toList();
        return ItemMoves.move(handle, ledger, order, moving, from.next(), "order.status_changed", about(station, "bump"), ItemMoves.Bumps.ADD, by);
    }

    /** Moves the open items (at {@code station}, if named) forward to {@code to}, or cancels them; never back. */
    static KitchenOrder set(Handle handle, LedgerAppender ledger, String orderId, OrderStatus to, String station, Actor by) {
        KitchenOrder order = find(handle, orderId);
        List<KitchenOrder.Item> moving = at(order, station).stream()
                .filter(item -> OrderStatus.of(item.status()).isOpen())
                .filter(item -> to == OrderStatus.CANCELLED || OrderStatus.of(item.status()).compareTo(to) < 0)
                .toList();
        if (to == OrderStatus.PENDING || moving.isEmpty()) {
            throw Problem.conflict("status", "order " + order.orderNumber() + " has nothing" + where(station) + " that can move to "
                    + to.wire() + " (orders only move forward; a recall takes a bump back)");
        }
        return ItemMoves.move(handle, ledger, order, moving, to, "order.status_changed", about(station, "set"), ItemMoves.Bumps.FORGET, by);
    }

    /**
     * Takes the last bump still kept at {@code station} (at any station, at expo or with none)
     * back one status; the bump before it is the next recall's.
     */
    static KitchenOrder recall(Handle handle, LedgerAppender ledger, String station, Actor by) {
        boolean everyStation = station == null || station.equals(KitchenWrites.EXPO);
        List<Bumped> bumped = handle.createQuery("""
                        SELECT b.order_id, b.item_no, b.ledger_seq FROM kitchen_bumps b
                        JOIN kitchen_items i ON i.order_id = b.order_id AND i.item_no = b.item_no
                        WHERE (:every OR i.station = :station)
                        AND b.ledger_seq = (SELECT MAX(l.ledger_seq) FROM kitchen_bumps l
                                            JOIN kitchen_items k ON k.order_id = l.order_id AND k.item_no = l.item_no
                                            WHERE (:every OR k.station = :station))""")
                .bind("every", everyStation)
                .bind("station", station)
                .map((rs, ctx) -> new Bumped(rs.getString(1), rs.getInt(2), rs.getLong(3)))
                .list();
        if (bumped.isEmpty()) {
            throw Problem.conflict("station", "nothing was bumped" + where(station) + " that can be recalled");
        }
        KitchenOrder order = find(handle, bumped.getFirst().orderId());
        List<Integer> itemNos = bumped.stream().map(Bumped::itemNo).toList();
        List<KitchenOrder.Item> back = order.items().stream().filter(item -> itemNos.contains(item.itemNo())).toList();
        OrderStatus to = OrderStatus.of(back.getFirst().status()).previous();
        takeBack(handle, order.orderId(), itemNos, bumped.getFirst().seq());
        return ItemMoves.move(handle, ledger, order, back, to, "order.recalled", about(station, "recall"), ItemMoves.Bumps.KEEP, by);
    }

    /** Takes the bump entry {@code bumpSeq} made off the items it moved: a recall ({@code order.recalled}) of that bump. */
    static void takeBack(Handle handle, String orderId, List<Integer> itemNos, long bumpSeq) {
        for (int itemNo : itemNos) {
            handle.createUpdate("DELETE FROM kitchen_bumps WHERE order_id = :order AND item_no = :item AND ledger_seq = :seq")
                    .bind("order", orderId).bind("item", itemNo).bind("seq", bumpSeq).execute();
        }
    }

    static KitchenOrder rush(Handle handle, LedgerAppender ledger, String orderId, boolean rush, Actor by) {
        KitchenOrder order = find(handle, orderId);
        if (!OrderStatus.of(order.status()).isOpen()) {
            throw Problem.conflict("orderId", "order " + order.orderNumber() + " is " + order.status() + ": there is nothing to rush");
        }
        markRush(handle, orderId, rush);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("orderId", orderId);
        entry.put("orderNumber", order.orderNumber());
        entry.put("rush", rush);
        entry.put("stations", KitchenWrites.stationsOf(order.items()));
        entry.put("by", by);
        ledger.append("order.rushed", entry);
        return KitchenRows.find(handle, orderId).orElseThrow();
    }

    /** The order's row as {@code order.rushed} leaves it. */
    static void markRush(Handle handle, String orderId, boolean rush) {
        handle.createUpdate("UPDATE kitchen_orders SET rush = :rush WHERE id = :id").bind("rush", rush).bind("id", orderId).execute();
    }

    /** An item's bump a recall may take back. */
    private record Bumped(String orderId, int itemNo, long seq) {
    }

    private static KitchenOrder find(Handle handle, String orderId) {
        return KitchenRows.find(handle, orderId).orElseThrow(() -> Problem.notFound("order " + orderId));
    }

    /** The order's items a station works on: all of them at expo or with no station named. */
    private static List<KitchenOrder.Item> at(KitchenOrder order, String station) {
        if (station == null || station.equals(KitchenWrites.EXPO)) {
            return order.items();
        }
        return order.items().stream().filter(item -> item.station().equals(station)).toList();
    }

    private static Map<String, Object> about(String station, String how) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("station", station);
        about.put("how", how);
        return about;
    }

    private static String where(String station) {
        return station == null ? "" : " at station " + station;
    }
}
