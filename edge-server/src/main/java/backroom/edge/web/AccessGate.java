package backroom.edge.web;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The one place every {@code /api/v1} request passes before its handler. Today every caller is
 * let through; device tokens and staff sessions plug in here (issue 3) so that no route can be
 * left open by forgetting a check in its own handler.
 */
public final class AccessGate implements Filter {

    static final String API_PREFIX = "/api/v1";

    private final Authenticator authenticator;

    public AccessGate(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.path().path().startsWith(API_PREFIX)) {
            try {
                authenticator.admit(req);
            } catch (Problem refused) {
                ProblemResponses.send(res, refused);
                return;
            }
        }
        chain.proceed();
    }

    /** Decides whether a request may go on; throws a 401 or 403 {@link Problem} if not. */
    @FunctionalInterface
    public interface Authenticator {

        /** Lets every request through: the box before staff and device sign-in exist. */
        Authenticator OPEN = req -> { };

        void admit(RoutingRequest req);
    }
}
