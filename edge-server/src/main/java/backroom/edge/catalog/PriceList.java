package backroom.edge.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What a sale is priced against: the store's settings, its tax rates and its products with their
 * variants and modifiers, as of one {@code catalog_version}. It holds no stock levels: a sale
 * reads those in its own transaction.
 */
public record PriceList(long version, StoreSettings settings, Map<String, TaxRate> taxes, Map<String, Product> products,
                        Map<String, String> categoryStations) {

    public Optional<Product> product(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    /** The kitchen station that makes the product: its own, else its category's; empty when neither names one. */
    public Optional<String> stationOf(Product product) {
        return Optional.ofNullable(product.station())
                .or(() -> Optional.ofNullable(product.categoryId()).map(categoryStations::get));
    }

    /** The price list as the catalog stands, read afresh on {@code handle}: for a quote, away from the ledger writer. */
    public static PriceList current(Handle handle) {
        return read(handle, CatalogStore.version(handle));
    }

    static PriceList read(Handle handle, long version) {
        Map<String, TaxRate> taxes = CatalogStore.taxes(handle).stream()
                .collect(Collectors.toUnmodifiableMap(TaxRate::id, Function.identity()));
        Map<String, Product> products = CatalogStore.products(handle).stream()
                .map(PriceList::withoutStock)
                .collect(Collectors.toUnmodifiableMap(Product::id, Function.identity()));
        Map<String, String> categoryStations = CatalogStore.categories(handle).stream().filter(category -> category.station() != null)
                .collect(Collectors.toUnmodifiableMap(Category::id, Category::station));
        return new PriceList(version, CatalogStore.settings(handle), taxes, products, categoryStations);
    }

    private static Product withoutStock(Product p) {
        return new Product(p.id(), p.sku(), p.barcode(), p.name(), p.categoryId(), p.price(), p.taxId(), p.trackStock(),
                p.station(), List.copyOf(p.variants()), List.copyOf(p.modifiers()), null);
    }
}
