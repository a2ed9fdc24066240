package backroom.edge.access;

import io.helidon.http.Method;

/** One declared API route: its method, its path template ({@code /api/v1/sales/{id}/void}) and what it asks of its caller. */
public record Route(Method method, String template, Access access) {
}
