package backroom.edge.relay;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.web.Json;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /api/v1/relay}: how far HQ holds this store's ledger (manager and technician);
 * {@code POST /api/v1/relay/resume}: send again after a halt (technician).
 */
public final class RelayService implements ApiRoutes.Resource {

    private final Relay relay;

    public RelayService(Relay relay) {
        this.relay = relay;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/", Permission.READ_RELAY, this::status)
                .post("/resume", Permission.RESUME_RELAY, this::resume);
    }

    /** The technician's word that HQ has dealt with the fork: the relay sends again, from HQ's acked point. */
    private void resume(ServerRequest req, ServerResponse res) {
        relay.resume(Caller.of(req).actor());
        Json.ok(res, relay.status());
    }

    private void status(ServerRequest req, ServerResponse res) {
        Json.send(res, 200, relay.status());
    }
}
