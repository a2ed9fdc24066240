package backroom.edge.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads of the catalog tables. Writes live in {@link CatalogWrites} and run on the ledger writer. */
public final class CatalogStore {

    private static final String PRODUCT_COLUMNS = """
            SELECT p.id, p.sku, p.barcode, p.name, p.category_id, p.price, p.tax_id, p.track_stock,
                   p.station, s.on_hand
            FROM products p LEFT JOIN stock_levels s ON s.product_id = p.id
            """;

    private final Jdbi jdbi;

    public CatalogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Catalog catalog() {
        return jdbi.inTransaction(handle -> {
            StoreSettings settings = settings(handle);
            List<Product> products = products(handle);
            return new Catalog(version(handle), settings.currency(), settings, taxes(handle), categories(handle), products);
        });
    }

    /** Every product with its variants, modifiers and stock, in the catalog's order. */
    static List<Product> products(Handle handle) {
        Map<String, List<Variant>> variants = handle.createQuery(
                        "SELECT product_id, id, name, price_delta FROM product_variants ORDER BY product_id, position")
                .map((rs, ctx) -> Map.entry(rs.getString("product_id"),
                        new Variant(rs.getString("id"), rs.getString("name"), rs.getLong("price_delta"))))
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, List<Modifier>> modifiers = handle.createQuery(
                        "SELECT product_id, id, name, price FROM product_modifiers ORDER BY product_id, position")
                .map((rs, ctx) -> Map.entry(rs.getString("product_id"),
                        new Modifier(rs.getString("id"), rs.getString("name"), rs.getLong("price"))))
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return handle.createQuery(PRODUCT_COLUMNS + " ORDER BY p.position, p.id")
                .map((rs, ctx) -> ProductRows.product(rs,
                        variants.getOrDefault(rs.getString("id"), List.of()),
                        modifiers.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    /** Goes up by one with every catalog change. */
    static long version(Handle handle) {
        return handle.createQuery("SELECT catalog_version FROM store_settings").mapTo(Long.class).one();
    }

    /** The product with its variants, modifiers and stock, read within {@code handle}'s transaction. */
    public static Optional<Product> product(Handle handle, String productId) {
        List<Variant> variants = handle.createQuery(
                        "SELECT id, name, price_delta FROM product_variants WHERE product_id = :id ORDER BY position")
                .bind("id", productId)
                .map((rs, ctx) -> new Variant(rs.getString("id"), rs.getString("name"), rs.getLong("price_delta")))
                .list();
        List<Modifier> modifiers = handle.createQuery(
                        "SELECT id, name, price FROM product_modifiers WHERE product_id = :id ORDER BY position")
                .bind("id", productId)
                .map((rs, ctx) -> new Modifier(rs.getString("id"), rs.getString("name"), rs.getLong("price")))
                .list();
        return handle.createQuery(PRODUCT_COLUMNS + " WHERE p.id = :id")
                .bind("id", productId)
                .map((rs, ctx) -> ProductRows.product(rs, variants, modifiers))
                .findOne();
    }

    public static StoreSettings settings(Handle handle) {
        return handle.createQuery("""
                        SELECT store_id, store_name, currency, service_charge_bp,
                               rounding_increment, rounding_mode, kds_amber_seconds, kds_red_seconds
                        FROM store_settings""")
                .map((rs, ctx) -> new StoreSettings(
                        rs.getString("store_id"),
                        rs.getString("store_name"),
                        rs.getString("currency"),
                        rs.getInt("service_charge_bp"),
                        rs.getLong("rounding_increment"),
                        StoreSettings.RoundingRule.valueOf(rs.getString("rounding_mode")),
                        rs.getInt("kds_amber_seconds"),
                        rs.getInt("kds_red_seconds")))
                .one();
    }

    public static List<TaxRate> taxes(Handle handle) {
        return handle.createQuery("SELECT id, name, rate_bp, inclusive FROM tax_rates ORDER BY id")
                .map((rs, ctx) -> new TaxRate(rs.getString("id"), rs.getString("name"), rs.getInt("rate_bp"), rs.getBoolean("inclusive")))
                .list();
    }

    static List<Category> categories(Handle handle) {
        return handle.createQuery("SELECT id, name, station FROM categories ORDER BY position, id")
                .map((rs, ctx) -> new Category(rs.getString("id"), rs.getString("name"), rs.getString("station")))
                .list();
    }

    public static boolean isSeeded(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM store_settings").mapTo(Integer.class).one() > 0;
    }
}
