package backroom.edge.bench;

import io.helidon.webserver.WebServer;

/**
 * The footprint bench's baseline: the smallest Helidon SE server that answers the readiness path
 * the box answers, started the way the box is started (same JVM, same flags), with nothing else.
 */
public final class BaselineServer {

    private BaselineServer() {
    }

    public static void main(String[] args) {
        WebServer.builder()
                .host("127.0.0.1")
                .port(Integer.parseInt(args[0]))
                .routing(routing -> routing.get("/observe/health/ready", (request, response) -> response.send("{\"status\":\"UP\"}")))
                .build()
                .start();
    }
}
