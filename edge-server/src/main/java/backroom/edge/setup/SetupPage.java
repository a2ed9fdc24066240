package backroom.edge.setup;

import backroom.edge.access.Access;
import backroom.edge.access.ApiRoutes;
import backroom.edge.web.HtmlPage;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /setup}: the technician's page, one plain HTML file with its CSS and JavaScript. Public
 * as a page; it pairs the technician's laptop with a pairing code, signs in with a PIN, and then
 * works through the API with that session: every device with its live status and a test, pairing
 * codes for new devices (shown, or printed on a printer), the relay's state and backlog, the
 * store's settings.
 */
public final class SetupPage implements ApiRoutes.Resource {

    private final HtmlPage page = HtmlPage.of(SetupPage.class, "setup.html");

    @Override
    public void routes(ApiRoutes routes) {
        routes.add(Method.GET, "/setup", Access.PUBLIC, this::page);
    }

    private void page(ServerRequest req, ServerResponse res) {
        page.send(res);
    }
}
