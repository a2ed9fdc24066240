package backroom.edge.kitchen;

import backroom.edge.access.Access;
import backroom.edge.access.ApiRoutes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /kds}: the kitchen screen, one plain HTML page with its CSS and JavaScript inside, for
 * a cheap tablet's browser. Public: the page pairs itself with a pairing code and then works with
 * its device token, following its station ({@code ?station=bar}) on the live feed.
 */
public final class KdsPage implements ApiRoutes.Resource {

    private final byte[] page = read();

    @Override
    public void routes(ApiRoutes routes) {
        routes.add(Method.GET, "/kds", Access.PUBLIC, this::page);
    }

    private void page(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.send(page);
    }

    private static byte[] read() {
        try (InputStream in = KdsPage.class.getResourceAsStream("kds.html")) {
            if (in == null) {
                throw new IllegalStateException("kds.html is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
