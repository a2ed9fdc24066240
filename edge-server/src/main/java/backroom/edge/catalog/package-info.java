/**
 * What the store sells and how it charges: store settings (currency, service charge, rounding),
 * tax rates, categories, products with variants and modifiers. Owns those tables; other rooms
 * read products through {@link backroom.edge.catalog.CatalogStore}. Writes go through the ledger.
 */
package backroom.edge.catalog;
