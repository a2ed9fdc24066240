package backroom.edge.catalog;

public record Category(String id, String name) {
}
