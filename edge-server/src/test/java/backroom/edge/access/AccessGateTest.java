package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import backroom.edge.access.Caller.PairedDevice;
import backroom.edge.access.Caller.SignedInStaff;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate on its own, in front of routes a test declares, to prove what the box's tables cannot show. */
class AccessGateTest {

    private static final Caller TECHNICIAN = new Caller(new PairedDevice("d1", "Till", DeviceKind.TERMINAL),
            new SignedInStaff("s1", "t1", "Tech", Role.TECHNICIAN));

    @Test
    void anApiRouteRegisteredAroundTheRouteTableCannotBeReachedEvenByATechnician() {
        RouteTable table = new RouteTable();
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> {
                    routing.addFilter(new AccessGate(table, token -> token.equals("good") ? Optional.of(TECHNICIAN) : Optional.empty()));
                    new ApiRoutes(routing, table, AccessGate.API_PREFIX)
                            .get("/declared", Permission.READ_SALES, (req, res) -> res.send("declared for " + Caller.of(req).staff().name()));
                    routing.get(AccessGate.API_PREFIX + "/forgotten", (req, res) -> res.send("the till's secrets"));
                })
                .build()
                .start();
        try {
            Api technician = new Api(server.port(), "good");

            Reply declared = technician.get("/api/v1/declared");
            Reply forgotten = technician.get("/api/v1/forgotten");

            assertThat(declared.text()).isEqualTo("declared for Tech");
            assertThat(forgotten.status()).isEqualTo(404);
            assertThat(forgotten.contentType()).isEqualTo("application/problem+json");
            assertThat(forgotten.text()).doesNotContain("secrets");
            assertThat(technician.as("bad").get("/api/v1/declared").status()).isEqualTo(401);
        } finally {
            server.stop();
        }
    }

    @Test
    void onlyABearerTokenCountsWhateverTheCaseOfItsSchemeNameAndNeverOneUnderAnotherScheme() throws Exception {
        RouteTable table = new RouteTable();
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> {
                    routing.addFilter(new AccessGate(table, token -> token.equals("good") ? Optional.of(TECHNICIAN) : Optional.empty()));
                    new ApiRoutes(routing, table, AccessGate.API_PREFIX).get("/declared", Permission.READ_SALES, (req, res) -> res.send("in"));
                })
                .build()
                .start();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (String authorization : List.of("Bearer good", "bearer good", "BEARER   good  ", "Digest good", "Basic  good", "Bearer ", "good")) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/declared"))
                        .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).GET().build();
                answers.put(authorization, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            }

            assertThat(answers).containsExactly(entry("Bearer good", 200), entry("bearer good", 200), entry("BEARER   good  ", 200),
                    entry("Digest good", 401), entry("Basic  good", 401), entry("Bearer ", 401), entry("good", 401));
        } finally {
            server.stop();
        }
    }

    @Test
    void a401AsksForABearerTokenAndA403DoesNot() throws Exception {
        Caller kitchen = new Caller(new PairedDevice("d2", "Grill", DeviceKind.KDS), new SignedInStaff("s2", "k1", "Cook", Role.KITCHEN));
        RouteTable table = new RouteTable();
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> {
                    routing.addFilter(new AccessGate(table, token -> token.equals("cook") ? Optional.of(kitchen) : Optional.empty()));
                    new ApiRoutes(routing, table, AccessGate.API_PREFIX).get("/declared", Permission.READ_SALES, (req, res) -> res.send("in"));
                })
                .build()
                .start();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> nobody = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/declared"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> cook = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/declared"))
                    .header("Authorization", "Bearer cook").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(nobody.statusCode()).isEqualTo(401);
            assertThat(nobody.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
            assertThat(cook.statusCode()).isEqualTo(403);
            assertThat(cook.headers().allValues("WWW-Authenticate")).isEmpty();
        } finally {
            server.stop();
        }
    }
}
