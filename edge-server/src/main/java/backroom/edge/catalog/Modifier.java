package backroom.edge.catalog;

/** An add-on to a product line (extra shot) at its own {@code price} per unit. */
public record Modifier(String id, String name, long price) {
}
