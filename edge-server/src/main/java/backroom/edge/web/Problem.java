package backroom.edge.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A request the box refuses, with the HTTP status it answers and the fields at fault. Thrown
 * anywhere below a handler; {@link ProblemResponses} writes it as {@code application/problem+json}.
 */
public final class Problem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Duration retryAfter;
    private final List<String> allowedMethods;

    public Problem(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, null, List.of());
    }

    private Problem(int status, String title, String detail, List<FieldError> errors, Duration retryAfter, List<String> allowedMethods) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
        this.allowedMethods = List.copyOf(allowedMethods);
    }

    /** 429: tried too often; answered with a {@code Retry-After} header. */
    public static Problem tooManyTries(String field, String message, Duration retryAfter) {
        return new Problem(429, "Too many tries", field + ": " + message, List.of(new FieldError(field, message)), retryAfter, List.of());
    }

    /** 422: the request is well-formed but its content cannot be accepted. */
    public static Problem invalid(String field, String message) {
        return new Problem(422, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static Problem invalid(List<FieldError> errors) {
        FieldError first = errors.getFirst();
        return new Problem(422, "Invalid request", first.field() + ": " + first.message(), errors);
    }

    /** 400: the body or a parameter cannot be read at all. */
    public static Problem malformed(String field, String message) {
        return new Problem(400, "Malformed request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 403: the caller may do this, but not this much: a field's value needs someone with more rights. */
    public static Problem forbidden(String field, String message) {
        return new Problem(403, "Forbidden", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 409: the request conflicts with the store's current state (closed shift, stock short). */
    public static Problem conflict(String field, String message) {
        return new Problem(409, "Conflict", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 405: the path is served, but not for this method; {@code allowed} goes in the {@code Allow} header. */
    public static Problem methodNotAllowed(String method, String path, List<String> allowed) {
        String detail = method + " " + path + " is not served; " + String.join(", ", allowed) + " " + (allowed.size() == 1 ? "is" : "are");
        return new Problem(405, "Method not allowed", detail, List.of(), null, allowed);
    }

    /** 404 for a path the box serves for no method at all. */
    public static Problem notServed(String method, String path) {
        return new Problem(404, "Not found", method + " " + path + " is not served by this box; GET / says what is", List.of());
    }

    public static Problem notFound(String what) {
        return new Problem(404, "Not found", what + " does not exist", List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The methods the path is served for, when this is a 405; answered as the {@code Allow} header. */
    public List<String> allowedMethods() {
        return allowedMethods;
    }

    /** How long the caller should wait before trying again, if the box knows. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
