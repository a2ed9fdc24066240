package backroom.edge.selforder;

import backroom.edge.catalog.PriceList;
import backroom.edge.catalog.Product;
import backroom.edge.sales.SaleLine;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** What the ordering routes show, read outside the writer. */
final class SelfOrderReads {

    private static final String ORDER_COLUMNS = "id, order_no, table_id, status, items, total, check_id, placed_at";
    private static final TypeReference<List<SaleLine>> LINES = new TypeReference<>() {
    };

    private SelfOrderReads() {
    }

    static Optional<SelfOrderRows.OrderingTable> table(Handle handle, String tableId) {
        return handle.createQuery("SELECT table_id, version, pay_later FROM self_order_tables WHERE table_id = :id")
                .bind("id", tableId)
                .map((rs, ctx) -> new SelfOrderRows.OrderingTable(rs.getString(1), rs.getInt(2), rs.getBoolean(3)))
                .findOne();
    }

    /** The catalog as a guest sees it: every product with its price, variants, modifiers and allergens. */
    static Menu menu(Handle handle, String tableId) {
        Map<String, List<String>> allergens = new HashMap<>();
        handle.createQuery("SELECT product_id, allergens FROM menu_allergens")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(row -> allergens.put(row.getKey(), row.getValue().isEmpty() ? List.of() : Arrays.asList(row.getValue().split(","))));
        PriceList prices = PriceList.current(handle);
        List<MenuItem> items = prices.products().values().stream()
                .sorted(Comparator.comparing((Product product) -> String.valueOf(product.categoryId())).thenComparing(Product::name))
                .map(product -> MenuItem.of(product, allergens.getOrDefault(product.id(), List.of())))
                .toList();
        return new Menu(tableId, prices.settings().currency(), items);
    }

    static Optional<SelfOrderEntries.Placed> order(Handle handle, String orderId) {
        return handle.createQuery("SELECT " + ORDER_COLUMNS + " FROM self_orders WHERE id = :id")
                .bind("id", orderId)
                .map((rs, ctx) -> placed(rs))
                .findOne();
    }

    static List<SelfOrderEntries.Placed> byStatus(Handle handle, String status) {
        return handle.createQuery("SELECT " + ORDER_COLUMNS + " FROM self_orders WHERE status = :status ORDER BY placed_seq")
                .bind("status", status)
                .map((rs, ctx) -> placed(rs))
                .list();
    }

    static List<SelfOrderEntries.Placed> ofTable(Handle handle, String tableId, Instant since) {
        return handle.createQuery("SELECT " + ORDER_COLUMNS + " FROM self_orders WHERE table_id = :table AND placed_at >= :since"
                        + " ORDER BY placed_seq")
                .bind("table", tableId)
                .bind("since", since.atOffset(java.time.ZoneOffset.UTC))
                .map((rs, ctx) -> placed(rs))
                .list();
    }

    private static SelfOrderEntries.Placed placed(ResultSet rs) throws SQLException {
        try {
            return new SelfOrderEntries.Placed(rs.getString("id"), rs.getInt("order_no"), rs.getString("table_id"), rs.getString("status"),
                    Json.MAPPER.readValue(rs.getString("items"), LINES), rs.getLong("total"), rs.getString("check_id"),
                    rs.getObject("placed_at", OffsetDateTime.class).toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order " + rs.getString("id") + "'s lines cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** The menu a guest browses. */
    record Menu(String tableId, String currency, List<MenuItem> products) {
    }

    /** A product as a guest sees it: nothing a guest need not know (no stock, no tax ids). */
    record MenuItem(String id, String name, String categoryId, long price, List<Option> variants, List<Option> modifiers,
                    List<String> allergens) {

        static MenuItem of(Product product, List<String> allergens) {
            return new MenuItem(product.id(), product.name(), product.categoryId(), product.price(),
                    product.variants().stream().map(v -> new Option(v.id(), v.name(), v.priceDelta())).toList(),
                    product.modifiers().stream().map(m -> new Option(m.id(), m.name(), m.price())).toList(), allergens);
        }
    }

    /** A variant (price added) or a modifier (its price). */
    record Option(String id, String name, long price) {
    }
}
