package backroom.edge.access;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;

/**
 * Declares API routes with the access each needs, next to the handler:
 * {@code routes.post("/{id}/void", Permission.VOID_SALE, this::voidSale)}. Every route goes both
 * to Helidon's routing and to the {@link RouteTable} the {@link AccessGate} checks.
 */
public final class ApiRoutes {

    private final HttpRouting.Builder routing;
    private final RouteTable table;
    private final String prefix;

    public ApiRoutes(HttpRouting.Builder routing, RouteTable table, String prefix) {
        this.routing = routing;
        this.table = table;
        this.prefix = prefix;
    }

    /** A resource's routes live under one path. */
    public interface Resource {
        void routes(ApiRoutes routes);
    }

    public ApiRoutes mount(String path, Resource resource) {
        resource.routes(new ApiRoutes(routing, table, prefix + path));
        return this;
    }

    public ApiRoutes get(String path, Permission permission, Handler handler) {
        return add(Method.GET, path, Access.needs(permission), handler);
    }

    public ApiRoutes post(String path, Permission permission, Handler handler) {
        return add(Method.POST, path, Access.needs(permission), handler);
    }

    public ApiRoutes put(String path, Permission permission, Handler handler) {
        return add(Method.PUT, path, Access.needs(permission), handler);
    }

    public ApiRoutes patch(String path, Permission permission, Handler handler) {
        return add(Method.PATCH, path, Access.needs(permission), handler);
    }

    public ApiRoutes delete(String path, Permission permission, Handler handler) {
        return add(Method.DELETE, path, Access.needs(permission), handler);
    }

    public ApiRoutes add(Method method, String path, Access access, Handler handler) {
        String template = path.equals("/") && !prefix.isEmpty() ? prefix : prefix + path;
        table.add(new Route(method, template, access));
        routing.route(method, template, handler);
        return this;
    }
}
