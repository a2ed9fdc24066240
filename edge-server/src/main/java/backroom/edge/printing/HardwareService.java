package backroom.edge.printing;

import backroom.edge.access.Actor;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.DeviceKind;
import backroom.edge.access.DeviceService;
import backroom.edge.access.Pairing;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/v1/devices/hardware}: every printer, drawer and pole display with its status,
 * jobs waiting and last error; {@code POST /api/v1/hardware/{role}/test}: a test page or a drawer
 * kick (technician), through the print queue like any job; {@code POST /api/v1/hardware/{role}/pairing-code}:
 * a new pairing code printed on that printer.
 */
public final class HardwareService {

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final PrintQueue queue;
    private final DeviceStatusBoard board;
    private final Pairing pairing;

    public HardwareService(Jdbi jdbi, LedgerWriter writer, PrintQueue queue, DeviceStatusBoard board, Pairing pairing) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.queue = queue;
        this.board = board;
        this.pairing = pairing;
    }

    /** Mounted at {@code /devices/hardware}. */
    public ApiRoutes.Resource statuses() {
        return routes -> routes.get("/", Permission.READ_HARDWARE, this::list);
    }

    /** Mounted at {@code /hardware}. */
    public ApiRoutes.Resource tests() {
        return routes -> routes.post("/{role}/test", Permission.TEST_HARDWARE, this::test)
                .post("/{role}/pairing-code", Permission.MANAGE_DEVICES, this::printPairingCode);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Json.ok(res, Map.of("devices", board.withWaitingJobs(jdbi)));
    }

    /**
     * A new pairing code printed on the printer of {@code role}, for the person setting up the
     * device: the answer says for whom and until when, never the code.
     */
    private void printPairingCode(ServerRequest req, ServerResponse res) {
        String role = req.path().pathParameters().get("role");
        DeviceService.CodeRequest body = JsonBody.read(req).as(DeviceService.CodeRequest.class);
        DeviceKind kind = body.validKind();
        Actor by = Caller.of(req).actor();
        AtomicReference<String> jobId = new AtomicReference<>();
        Pairing.MadeCode made = pairing.makeCode(body.name(), kind, by, (ledger, code) -> jobId.set(queue.pairingSlip(ledger, role, code, by)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("role", role);
        answer.put("jobId", jobId.get());
        answer.put("name", made.name());
        answer.put("kind", made.kind().wireName());
        answer.put("expiresAt", made.expiresAt());
        Json.send(res, 202, answer);
    }

    private void test(ServerRequest req, ServerResponse res) {
        String role = req.path().pathParameters().get("role");
        Actor by = Caller.of(req).actor();
        String jobId = writer.submit((handle, ledger) -> queue.test(ledger, role, by));
        Json.send(res, 202, Map.of("role", role, "jobId", jobId));
    }
}
