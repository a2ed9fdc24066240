package backroom.edge.pos;

import backroom.edge.access.Access;
import backroom.edge.access.ApiRoutes;
import backroom.edge.web.HtmlPage;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /pos}: the till, one plain HTML page with its CSS and JavaScript inside, no build
 * step, for a cheap tablet's browser. Public: the page pairs itself with a pairing code, a cashier
 * signs in with their PIN, and it then rings sales and works open checks through the API.
 */
public final class PosPage implements ApiRoutes.Resource {

    private final HtmlPage page = HtmlPage.of(PosPage.class, "pos.html");

    @Override
    public void routes(ApiRoutes routes) {
        routes.add(Method.GET, "/pos", Access.PUBLIC, this::page);
    }

    private void page(ServerRequest req, ServerResponse res) {
        page.send(res);
    }
}
