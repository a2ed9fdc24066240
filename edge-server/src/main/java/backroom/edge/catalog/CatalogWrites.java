package backroom.edge.catalog;

import backroom.edge.ledger.LedgerAppender;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Catalog changes, each run on the ledger writer and recorded as a ledger entry. The rows each entry
 * writes are written by one method, which {@link CatalogReplay} also calls to write them again from
 * the entry; stock levels apart, which the stock room's replay writes from the same entries.
 */
public final class CatalogWrites {

    private CatalogWrites() {
    }

    /** Installs the settings, taxes, categories and products of a store that has none yet. */
    public static long seed(Handle handle, LedgerAppender ledger, StoreSettings settings, List<TaxRate> taxes,
                            List<Category> categories, List<Product> products) {
        seededRows(handle, settings, taxes, categories, products);
        products.forEach(product -> startStockIfTracked(handle, product));
        return ledger.append("catalog.seeded", Map.of(
                "settings", settings, "taxes", taxes, "categories", categories, "products", products));
    }

    /** Creates or replaces one product, keeping its stock level. */
    public static Product upsertProduct(Handle handle, LedgerAppender ledger, Product product) {
        upsertedRows(handle, product);
        startStockIfTracked(handle, product);
        ledger.append("catalog.product_upserted", product);
        return CatalogStore.product(handle, product.id()).orElseThrow();
    }

    /** The rows of a {@code catalog.seeded} entry but stock levels: catalog version 1, everything in the lists' order. */
    static void seededRows(Handle handle, StoreSettings settings, List<TaxRate> taxes, List<Category> categories,
                           List<Product> products) {
        handle.createUpdate("""
                        INSERT INTO store_settings (id, store_id, store_name, currency, service_charge_bp,
                            rounding_increment, rounding_mode, kds_amber_seconds, kds_red_seconds, catalog_version)
                        VALUES (1, :storeId, :storeName, :currency, :serviceChargeBp, :roundingIncrement, :roundingMode,
                            :kdsAmberSeconds, :kdsRedSeconds, 1)""")
                .bindMethods(settings)
                .bind("roundingMode", settings.roundingMode().name())
                .execute();
        for (TaxRate tax : taxes) {
            handle.createUpdate("INSERT INTO tax_rates (id, name, rate_bp, inclusive) VALUES (:id, :name, :rateBp, :inclusive)")
                    .bindMethods(tax)
                    .execute();
        }
        for (int i = 0; i < categories.size(); i++) {
            handle.createUpdate("INSERT INTO categories (id, name, station, position) VALUES (:id, :name, :station, :position)")
                    .bindMethods(categories.get(i))
                    .bind("position", i)
                    .execute();
        }
        for (int i = 0; i < products.size(); i++) {
            writeProductRows(handle, products.get(i), i);
        }
    }

    /** The rows of a {@code catalog.product_upserted} entry but the stock level: the product's, and the next catalog version. */
    static void upsertedRows(Handle handle, Product product) {
        replaceProductRows(handle, product);
        nextVersion(handle);
    }

    /** Writes one product's rows, keeping its place in the list; its stock level is not touched. */
    static void replaceProductRows(Handle handle, Product product) {
        int position = handle.createQuery("SELECT position FROM products WHERE id = :id")
                .bind("id", product.id())
                .mapTo(Integer.class)
                .findOne()
                .orElseGet(() -> handle.createQuery("SELECT COALESCE(MAX(position) + 1, 0) FROM products").mapTo(Integer.class).one());
        handle.createUpdate("DELETE FROM product_variants WHERE product_id = :id").bind("id", product.id()).execute();
        handle.createUpdate("DELETE FROM product_modifiers WHERE product_id = :id").bind("id", product.id()).execute();
        writeProductRows(handle, product, position);
    }

    /** Every catalog change moves the version on by one: the price list the writer keeps is read again. */
    static void nextVersion(Handle handle) {
        handle.execute("UPDATE store_settings SET catalog_version = catalog_version + 1");
    }

    /** The stock level of a product written live, if it tracks stock: its {@code stockOnHand}, or 0, unless it has one. */
    static void startStockIfTracked(Handle handle, Product product) {
        if (product.trackStock()) {
            startStock(handle, product.id(), product.stockOnHand() == null ? 0L : product.stockOnHand());
        }
    }

    /**
     * The stock level of a product written as tracking stock: {@code initial} on hand when it has
     * no level yet; a level it has is kept. Also written by the stock room's replay of the entry.
     */
    public static void startStock(Handle handle, String productId, long initial) {
        handle.createUpdate("""
                        MERGE INTO stock_levels (product_id, on_hand) KEY (product_id)
                        VALUES (:id, COALESCE((SELECT on_hand FROM stock_levels WHERE product_id = :id), :initial))""")
                .bind("id", productId)
                .bind("initial", initial)
                .execute();
    }

    private static void writeProductRows(Handle handle, Product product, int position) {
        handle.createUpdate("""
                        MERGE INTO products (id, sku, barcode, name, category_id, price, tax_id, track_stock, station, position)
                        KEY (id)
                        VALUES (:id, :sku, :barcode, :name, :categoryId, :price, :taxId, :trackStock, :station, :position)""")
                .bindMethods(product)
                .bind("position", position)
                .execute();
        for (int i = 0; i < product.variants().size(); i++) {
            handle.createUpdate("""
                            INSERT INTO product_variants (product_id, id, name, price_delta, position)
                            VALUES (:productId, :id, :name, :priceDelta, :position)""")
                    .bindMethods(product.variants().get(i))
                    .bind("productId", product.id())
                    .bind("position", i)
                    .execute();
        }
        for (int i = 0; i < product.modifiers().size(); i++) {
            handle.createUpdate("""
                            INSERT INTO product_modifiers (product_id, id, name, price, position)
                            VALUES (:productId, :id, :name, :price, :position)""")
                    .bindMethods(product.modifiers().get(i))
                    .bind("productId", product.id())
                    .bind("position", i)
                    .execute();
        }
    }
}
