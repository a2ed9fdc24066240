package backroom.edge.web;

/** One named field of a request and what is wrong with it, as problem+json's {@code errors[]}. */
public record FieldError(String field, String message) {
}
