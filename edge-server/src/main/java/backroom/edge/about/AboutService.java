package backroom.edge.about;

import backroom.edge.access.Access;
import backroom.edge.access.ApiRoutes;
import backroom.edge.web.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /} and {@code GET /openapi}, public: a technician's browser or a curious client on the
 * LAN learns what answers on this port, rather than meeting a bare "not found".
 */
public final class AboutService implements ApiRoutes.Resource {

    /** Where the build puts {@code docs/openapi.yaml} (see edge-server's pom). */
    private static final String DOCUMENT = "openapi.yaml";

    private final byte[] document = readDocument();
    private final Map<String, String> about = about();

    @Override
    public void routes(ApiRoutes routes) {
        routes.add(Method.GET, "/", Access.PUBLIC, this::about)
                .add(Method.GET, "/openapi", Access.PUBLIC, this::apiDescription);
    }

    private void about(ServerRequest req, ServerResponse res) {
        Json.ok(res, about);
    }

    private void apiDescription(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/yaml");
        res.send(document);
    }

    private static Map<String, String> about() {
        Map<String, String> about = new LinkedHashMap<>();
        about.put("name", "Backroom");
        about.put("description", "The store's edge server: its ledger, sales, shifts and cash, for the tablets on this LAN."
                + " Devices pair with a pairing code, staff sign in with a PIN; see the API description.");
        about.put("api", "/api/v1");
        about.put("apiDescription", "/openapi");
        about.put("health", "/observe/health");
        about.put("liveFeed", "/ws");
        return about;
    }

    private static byte[] readDocument() {
        try (InputStream in = AboutService.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("the API description " + DOCUMENT + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
