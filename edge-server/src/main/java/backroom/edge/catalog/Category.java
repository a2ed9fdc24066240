package backroom.edge.catalog;

/** A group of products; {@code station}, if set, is the kitchen station of its products that name none. */
public record Category(String id, String name, String station) {
}
