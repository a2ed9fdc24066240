package backroom.edge.kitchen;

import backroom.edge.access.Access;
import backroom.edge.access.ApiRoutes;
import backroom.edge.web.HtmlPage;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /kds}: the kitchen screen, one plain HTML page with its CSS and JavaScript inside, for
 * a cheap tablet's browser. Public: the page pairs itself with a pairing code and then works with
 * its device token, following its station ({@code ?station=bar}) on the live feed.
 */
public final class KdsPage implements ApiRoutes.Resource {

    private final HtmlPage page = HtmlPage.of(KdsPage.class, "kds.html");

    @Override
    public void routes(ApiRoutes routes) {
        routes.add(Method.GET, "/kds", Access.PUBLIC, this::page);
    }

    private void page(ServerRequest req, ServerResponse res) {
        page.send(res);
    }
}
