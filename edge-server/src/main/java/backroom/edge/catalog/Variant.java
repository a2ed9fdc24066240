package backroom.edge.catalog;

/** A size or kind of a product (large, oat milk) that changes its price by {@code priceDelta}. */
public record Variant(String id, String name, long priceDelta) {
}
