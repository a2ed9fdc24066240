package backroom.edge.catalog;

import java.util.List;

/** The whole catalog as {@code GET /api/v1/catalog} shows it. */
public record Catalog(
        long version,
        String currency,
        StoreSettings settings,
        List<TaxRate> taxes,
        List<Category> categories,
        List<Product> products) {
}
