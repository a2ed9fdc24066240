package backroom.edge.setup;

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
 * {@code GET /setup}: the technician's page, one plain HTML file with its CSS and JavaScript. Public
 * as a page; it pairs the technician's laptop with a pairing code, signs in with a PIN, and then
 * works through the API with that session: every device with its live status and a test, pairing
 * codes for new devices (shown, or printed on a printer), the relay's state and backlog, the
 * store's settings.
 */
public final class SetupPage implements ApiRoutes.Resource {

    private final byte[] page = read();

    @Override
    public void routes(ApiRoutes routes) {
        routes.add(Method.GET, "/setup", Access.PUBLIC, this::page);
    }

    private void page(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.send(page);
    }

    private static byte[] read() {
        try (InputStream in = SetupPage.class.getResourceAsStream("setup.html")) {
            if (in == null) {
                throw new IllegalStateException("setup.html is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
