package backroom.edge.printing;

import backroom.edge.access.Actor;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/v1/devices/hardware}: every printer, drawer and pole display with its status,
 * jobs waiting and last error; {@code POST /api/v1/hardware/{role}/test}: a test page or a drawer
 * kick (technician), through the print queue like any job.
 */
public final class HardwareService {

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final PrintQueue queue;
    private final DeviceStatusBoard board;

    public HardwareService(Jdbi jdbi, LedgerWriter writer, PrintQueue queue, DeviceStatusBoard board) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.queue = queue;
        this.board = board;
    }

    /** Mounted at {@code /devices/hardware}. */
    public ApiRoutes.Resource statuses() {
        return routes -> routes.get("/", Permission.READ_HARDWARE, this::list);
    }

    /** Mounted at {@code /hardware}. */
    public ApiRoutes.Resource tests() {
        return routes -> routes.post("/{role}/test", Permission.TEST_HARDWARE, this::test);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Json.ok(res, Map.of("devices", board.withWaitingJobs(jdbi)));
    }

    private void test(ServerRequest req, ServerResponse res) {
        String role = req.path().pathParameters().get("role");
        Actor by = Caller.of(req).actor();
        String jobId = writer.submit((handle, ledger) -> queue.test(ledger, role, by));
        Json.send(res, 202, Map.of("role", role, "jobId", jobId));
    }
}
