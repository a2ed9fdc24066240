package backroom.edge.catalog;

import backroom.edge.ledger.LedgerAppender;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Catalog changes, each run on the ledger writer and recorded as a ledger entry. */
public final class CatalogWrites {

    private CatalogWrites() {
    }

    /** Installs the settings, taxes, categories and products of a store that has none yet. */
    public static long seed(Handle handle, LedgerAppender ledger, StoreSettings settings, List<TaxRate> taxes,
                            List<Category> categories, List<Product> products) {
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
            writeProduct(handle, products.get(i), i);
        }
        return ledger.append("catalog.seeded", Map.of(
                "settings", settings, "taxes", taxes, "categories", categories, "products", products));
    }

    /** Creates or replaces one product, keeping its stock level. */
    public static Product upsertProduct(Handle handle, LedgerAppender ledger, Product product) {
        replaceProduct(handle, product);
        handle.execute("UPDATE store_settings SET catalog_version = catalog_version + 1");
        ledger.append("catalog.product_upserted", product);
        return CatalogStore.product(handle, product.id()).orElseThrow();
    }

    /** Writes one product's rows, keeping its place in the list and its stock level; the caller records the change. */
    static void replaceProduct(Handle handle, Product product) {
        int position = handle.createQuery("SELECT position FROM products WHERE id = :id")
                .bind("id", product.id())
                .mapTo(Integer.class)
                .findOne()
                .orElseGet(() -> handle.createQuery("SELECT COALESCE(MAX(position) + 1, 0) FROM products").mapTo(Integer.class).one());
        handle.createUpdate("DELETE FROM product_variants WHERE product_id = :id").bind("id", product.id()).execute();
        handle.createUpdate("DELETE FROM product_modifiers WHERE product_id = :id").bind("id", product.id()).execute();
        writeProduct(handle, product, position);
    }

    private static void writeProduct(Handle handle, Product product, int position) {
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
}
