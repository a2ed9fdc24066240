package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.access.Caller.PairedDevice;
import backroom.edge.access.Caller.SignedInStaff;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import io.helidon.webserver.WebServer;
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
}
