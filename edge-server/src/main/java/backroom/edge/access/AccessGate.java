package backroom.edge.access;

import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import backroom.edge.web.ProblemResponses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Optional;

/**
 * The one place every request passes before its handler: it finds the request's route in the
 * {@link RouteTable}, establishes the {@link Caller} from the bearer token, and lets the request on
 * only if the route's {@link Access} admits that caller. A request no declared route matches is
 * refused (404, or 405 where the path is served for other methods), so a route cannot be left open
 * by forgetting to declare its access, and an unknown path never reaches Helidon's own "not found".
 * Only the health endpoints under {@value #OBSERVE_PREFIX}, which Helidon serves itself, pass by.
 */
public final class AccessGate implements Filter {

    public static final String API_PREFIX = "/api/v1";
    /**
     * The live feed. A browser cannot put headers on a WebSocket, so here alone the token may also
     * come as {@code ?token=}; everywhere else a token in the URL would end up in logs and history.
     */
    public static final String LIVE_PATH = "/ws";
    /** Health, served by Helidon's observe feature: public, and not in the route table. */
    public static final String OBSERVE_PREFIX = "/observe/";

    private final RouteTable routes;
    private final Credentials credentials;

    public AccessGate(RouteTable routes, Credentials credentials) {
        this.routes = routes;
        this.credentials = credentials;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith(OBSERVE_PREFIX)) {
            try {
                String method = req.prologue().method().text();
                Route route = routes.match(req.prologue().method(), path).orElseThrow(() -> unrouted(method, path));
                Optional<String> queryToken = path.equals(LIVE_PATH) ? req.query().first("token").asOptional() : Optional.empty();
                admit(route.access(), bearerToken(req.headers().first(HeaderNames.AUTHORIZATION)).or(() -> queryToken))
                        .ifPresent(caller -> req.context().register(caller));
            } catch (Problem refused) {
                if (refused.status() == 401) {
                    res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                }
                ProblemResponses.send(req, res, refused);
                return;
            }
        }
        chain.proceed();
    }

    /**
     * The caller {@code token} belongs to, if {@code access} admits it (none for a public route);
     * else a 401 or 403 problem. The live feed asks here too, before it upgrades a connection.
     */
    public Optional<Caller> admit(Access access, Optional<String> token) {
        if (access instanceof Access.Public || access instanceof Access.Guest) {
            return Optional.empty();
        }
        Caller caller = token.filter(value -> !value.isEmpty()).flatMap(credentials::caller).orElseThrow(AccessGate::unauthorized);
        if (access instanceof Access.Needs needs && !caller.may(needs.permission())) {
            throw forbidden(caller, needs.permission());
        }
        return Optional.of(caller);
    }

    /** 405 where the path is served for other methods, else 404. */
    private Problem unrouted(String method, String path) {
        List<String> allowed = routes.methodsFor(path);
        return allowed.isEmpty() ? Problem.notServed(method, path) : Problem.methodNotAllowed(method, path, allowed);
    }

    /** The token of an {@code Authorization: Bearer <token>} header. */
    public static Optional<String> bearerToken(Optional<String> authorization) {
        return authorization
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip())
                .filter(token -> !token.isEmpty());
    }

    static Problem unauthorized() {
        return new Problem(401, "Unauthorized", "Authorization: a valid device or session token is required"
                + " (Authorization: Bearer <token>); it may be missing, expired or revoked",
                List.of(new FieldError("Authorization", "a valid bearer token is required")));
    }

    /** The 403 for a caller who lacks {@code permission}, naming who they are. */
    public static Problem forbidden(Caller caller, Permission permission) {
        String who = caller.staff() == null
                ? "device " + caller.device().name() + " with nobody signed in"
                : caller.staff().role().wireName() + " " + caller.staff().name() + " on " + caller.device().kind().wireName()
                        + " " + caller.device().name();
        return new Problem(403, "Forbidden", who + " may not " + permission.name().toLowerCase().replace('_', ' '),
                List.of(new FieldError("Authorization", "lacks permission " + permission)));
    }
}
