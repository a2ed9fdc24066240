package backroom.edge.selforder;

import backroom.edge.access.Access;
import backroom.edge.access.ApiRoutes;
import backroom.edge.web.HtmlPage;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /order?table=t5&code=...}: what a table's QR code opens on a guest's phone, one plain
 * HTML page with its CSS and JavaScript inside. Public: the code in its link opens a guest session.
 */
public final class OrderPage implements ApiRoutes.Resource {

    private final HtmlPage page = HtmlPage.of(OrderPage.class, "order.html");

    @Override
    public void routes(ApiRoutes routes) {
        routes.add(Method.GET, "/order", Access.PUBLIC, this::page);
    }

    private void page(ServerRequest req, ServerResponse res) {
        page.send(res);
    }
}
