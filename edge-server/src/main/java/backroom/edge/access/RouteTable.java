package backroom.edge.access;

import io.helidon.http.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Every API route the box serves, with the access it needs, filled as the routes are declared
 * through {@link ApiRoutes}. The {@link AccessGate} refuses any API request no route here matches,
 * so a handler registered around it cannot be reached at all.
 */
public final class RouteTable {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(Route route) {
        entries.add(new Entry(route, pattern(route.template())));
    }

    /** The first declared route for this request, as Helidon picks the first registered. */
    Optional<Route> match(Method method, String path) {
        return entries.stream()
                .filter(entry -> entry.route().method().equals(method) && entry.path().matcher(path).matches())
                .map(Entry::route)
                .findFirst();
    }

    /** The methods declared for {@code path}, in declaration order: what a 405 lists in {@code Allow}. */
    List<String> methodsFor(String path) {
        return entries.stream()
                .filter(entry -> entry.path().matcher(path).matches())
                .map(entry -> entry.route().method().text())
                .distinct()
                .toList();
    }

    public List<Route> all() {
        return entries.stream().map(Entry::route).toList();
    }

    /** {@code /api/v1/sales/{id}/void} matches {@code /api/v1/sales/} + one path segment + {@code /void}. */
    private static Pattern pattern(String template) {
        String[] literals = PARAMETER.split(template, -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(literals[0]));
        for (int i = 1; i < literals.length; i++) {
            regex.append("[^/]+").append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private record Entry(Route route, Pattern path) {
    }
}
