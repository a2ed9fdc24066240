package backroom.edge.access;

import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.FieldError;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/v1/devices}: pairing codes, pairing, the device list and revocation. */
public final class DeviceService implements ApiRoutes.Resource {

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Keyring keyring;
    private final Pairing pairing;

    public DeviceService(Jdbi jdbi, LedgerWriter writer, Keyring keyring, Pairing pairing) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.keyring = keyring;
        this.pairing = pairing;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/pairing-codes", Permission.MANAGE_DEVICES, this::makePairingCode)
                .add(Method.POST, "/pair", Access.PUBLIC, this::pair)
                .get("/", Permission.MANAGE_DEVICES, this::listDevices)
                .delete("/{id}", Permission.MANAGE_DEVICES, this::revoke);
    }

    private void makePairingCode(ServerRequest req, ServerResponse res) {
        CodeRequest body = JsonBody.read(req).as(CodeRequest.class);
        Json.send(res, 201, pairing.makeCode(body.name(), body.validKind(), Caller.of(req).actor()));
    }

    private void pair(ServerRequest req, ServerResponse res) {
        PairRequest body = JsonBody.read(req).as(PairRequest.class);
        body.validate();
        Json.send(res, 201, pairing.pair(body.code()));
    }

    private void listDevices(ServerRequest req, ServerResponse res) {
        Json.ok(res, Map.of("items", jdbi.withHandle(Devices::all)));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        String deviceId = req.path().pathParameters().get("id");
        Actor by = Caller.of(req).actor();
        Devices.DeviceView revoked = writer.submit((handle, ledger) -> Devices.revoke(handle, ledger, deviceId, by));
        keyring.deviceRevoked(deviceId);
        Json.ok(res, revoked);
    }

    /** {@code {"name":"Till 2","kind":"terminal"}}: the device a pairing code is for. */
    public record CodeRequest(String name, String kind) {
        /** The kind, once name and kind are both checked; a 422 naming each field at fault otherwise. */
        public DeviceKind validKind() {
            List<FieldError> errors = new ArrayList<>();
            if (name == null || name.isBlank() || name.length() > 200) {
                errors.add(new FieldError("name", "is required (at most 200 characters)"));
            }
            if (DeviceKind.fromWire(kind).isEmpty()) {
                errors.add(new FieldError("kind", "must be terminal, kds or kiosk"));
            }
            if (!errors.isEmpty()) {
                throw Problem.invalid(errors);
            }
            return DeviceKind.fromWire(kind).orElseThrow();
        }
    }

    record PairRequest(String code) {
        void validate() {
            if (code == null || !code.matches("[0-9]{6}")) {
                throw Problem.invalid("code", "must be the six digits of a pairing code");
            }
        }
    }
}
