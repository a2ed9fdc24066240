/**
 * What the store sells and how it charges: store settings (currency, service charge, rounding),
 * tax rates, categories, products with variants and modifiers. Owns those tables; other rooms
 * read products through {@link backroom.edge.catalog.CatalogStore}, and the ledger writer prices
 * sales against a {@link backroom.edge.catalog.CurrentPriceList}. Writes go through the ledger;
 * each one bumps {@code catalog_version} and forgets the current price list.
 */
package backroom.edge.catalog;
