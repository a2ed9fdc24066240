package backroom.edge.catalog;

/** A tax: {@code rateBp} basis points, either included in prices or added on top of them. */
public record TaxRate(String id, String name, int rateBp, boolean inclusive) {
}
