package backroom.edge.ingredients;

/**
 * A line of a sale (or of an open check's round) as its ingredients see it: the request's item it
 * came from ({@code index}, to name in a refusal), its number, what was sold and how many.
 */
public record SoldLine(int index, int lineNo, String productId, String variantId, long quantity) {
}
