package backroom.edge.kitchen;

import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Reads kitchen_orders and kitchen_items into {@link KitchenOrder}s. */
final class KitchenRows {

    /** The most orders one list answers with: a kitchen has far fewer open at once. */
    static final int MOST_ORDERS = 500;
    /** What a station's screen shows: orders still to make or hand over. */
    static final Set<OrderStatus> ON_SCREEN = EnumSet.of(OrderStatus.PENDING, OrderStatus.COOKING, OrderStatus.READY);

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private KitchenRows() {
    }

    static Optional<KitchenOrder> find(Handle handle, String orderId) {
        return handle.createQuery("SELECT * FROM kitchen_orders WHERE id = :id")
                .bind("id", orderId)
                .map((rs, ctx) -> order(rs, items(handle, orderId)))
                .findOne();
    }

    /**
     * Orders with an item at {@code station} (any station for {@link KitchenWrites#EXPO} or none)
     * in one of {@code statuses}, showing only those items; rushed first, then oldest first.
     */
    static List<KitchenOrder> list(Handle handle, String station, Set<OrderStatus> statuses) {
        boolean everyStation = station == null || station.equals(KitchenWrites.EXPO);
        List<String> wanted = statuses.stream().map(OrderStatus::wire).toList();
        Map<String, List<KitchenOrder.Item>> itemsByOrder = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT i.* FROM kitchen_items i JOIN kitchen_orders o ON o.id = i.order_id
                        WHERE i.status IN (<statuses>) AND (:every OR i.station = :station)
                        ORDER BY o.rush DESC, o.created_at, o.id, i.item_no""")
                .bindList("statuses", wanted)
                .bind("every", everyStation)
                .bind("station", station)
                .map((rs, ctx) -> Map.entry(rs.getString("order_id"), item(rs)))
                .forEach(row -> itemsByOrder.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        List<KitchenOrder> orders = new ArrayList<>();
        for (Map.Entry<String, List<KitchenOrder.Item>> entry : itemsByOrder.entrySet()) {
            if (orders.size() == MOST_ORDERS) {
                break;
            }
            handle.createQuery("SELECT * FROM kitchen_orders WHERE id = :id").bind("id", entry.getKey())
                    .map((rs, ctx) -> order(rs, entry.getValue())).findOne().ifPresent(orders::add);
        }
        return orders;
    }

    static List<KitchenOrder.Item> items(Handle handle, String orderId) {
        return handle.createQuery("SELECT * FROM kitchen_items WHERE order_id = :id ORDER BY item_no")
                .bind("id", orderId)
                .map((rs, ctx) -> item(rs))
                .list();
    }

    /** Open orders on the table, oldest first. */
    static List<String> openOrdersOn(Handle handle, String tableId) {
        return handle.createQuery("""
                        SELECT id FROM kitchen_orders WHERE table_id = :table AND status NOT IN ('completed', 'cancelled')
                        ORDER BY created_at, id""")
                .bind("table", tableId)
                .mapTo(String.class)
                .list();
    }

    /** Open orders on the table that hold it (not an open check's rounds, whose check holds it), oldest first. */
    static List<String> openOrdersHolding(Handle handle, String tableId) {
        return handle.createQuery("""
                        SELECT id FROM kitchen_orders
                        WHERE table_id = :table AND status NOT IN ('completed', 'cancelled') AND holds_table
                        ORDER BY created_at, id""")
                .bind("table", tableId)
                .mapTo(String.class)
                .list();
    }

    private static KitchenOrder order(ResultSet rs, List<KitchenOrder.Item> items) throws SQLException {
        return new KitchenOrder(rs.getString("id"), rs.getInt("order_number"), rs.getString("order_type"), rs.getString("table_id"),
                rs.getString("status"), rs.getBoolean("rush"), rs.getInt("tickets"), rs.getLong("ledger_seq"), time(rs, "created_at"),
                time(rs, "started_at"), time(rs, "ready_at"), time(rs, "completed_at"), List.copyOf(items));
    }

    private static KitchenOrder.Item item(ResultSet rs) throws SQLException {
        return new KitchenOrder.Item(rs.getInt("item_no"), rs.getInt("ticket_no"), rs.getString("sale_id"), rs.getInt("line_no"),
                rs.getString("station"), rs.getString("product_id"), rs.getString("name"), rs.getString("variant"),
                names(rs.getString("modifiers")), rs.getString("notes"), rs.getInt("quantity"), rs.getString("status"),
                time(rs, "created_at"), time(rs, "started_at"), time(rs, "ready_at"), time(rs, "completed_at"));
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static List<String> names(String json) {
        try {
            return Json.MAPPER.readValue(json, NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kitchen_items.modifiers is not a JSON list of names: " + json, e);
        }
    }
}
