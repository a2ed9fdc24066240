package backroom.edge.shifts;

import backroom.edge.access.Actor;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.FieldError;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/v1/shifts}: open a shift, read it, X report, cash in and out, close with counted cash (Z report). */
public final class ShiftService implements ApiRoutes.Resource {

    static final long MAX_CASH = 1_000_000_000_000L;

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Supplier<UUID> ids;

    public ShiftService(Jdbi jdbi, LedgerWriter writer, Supplier<UUID> ids) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.ids = ids;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/", Permission.OPEN_SHIFT, this::openShift)
                .get("/", Permission.READ_SHIFTS, this::findShifts)
                .get("/{id}", Permission.READ_SHIFTS, this::getShift)
                .get("/{id}/report", Permission.READ_SHIFTS, this::xReport)
                .post("/{id}/close", Permission.CLOSE_SHIFT, this::closeShift)
                .post("/{id}/cash-movements", Permission.MOVE_CASH, this::moveCash)
                .get("/{id}/cash-movements", Permission.READ_SHIFTS, this::listCashMovements);
    }

    private void openShift(ServerRequest req, ServerResponse res) {
        OpenShift body = JsonBody.read(req).as(OpenShift.class);
        body.validate();
        String shiftId = ids.get().toString();
        Actor by = Caller.of(req).actor();
        Shift shift = writer.submit((handle, ledger) -> Shifts.open(handle, ledger, shiftId, body.registerId(), body.openingFloat(), by));
        Json.send(res, 201, shift);
    }

    /**
     * {@code GET /api/v1/shifts?registerId=r1&status=open}: how a tablet that lost the answer to
     * its shift open (a 503 after the write went through) finds its shift again.
     */
    private void findShifts(ServerRequest req, ServerResponse res) {
        String registerId = req.query().first("registerId").orElse(null);
        String status = req.query().first("status").orElse(null);
        if (status != null && !status.equals("open") && !status.equals("closed")) {
            throw Problem.malformed("status", "must be open or closed");
        }
        Json.ok(res, Map.of("items", jdbi.withHandle(handle -> Shifts.search(handle, registerId, status))));
    }

    private void getShift(ServerRequest req, ServerResponse res) {
        Json.ok(res, shift(req.path().pathParameters().get("id")));
    }

    private void xReport(ServerRequest req, ServerResponse res) {
        Shift shift = shift(req.path().pathParameters().get("id"));
        Json.ok(res, jdbi.inTransaction(handle -> ShiftReports.report(handle, shift)));
    }

    private void closeShift(ServerRequest req, ServerResponse res) {
        String shiftId = req.path().pathParameters().get("id");
        CloseShift body = JsonBody.read(req).as(CloseShift.class);
        body.validate();
        Actor by = Caller.of(req).actor();
        Json.ok(res, writer.submit((handle, ledger) -> Shifts.close(handle, ledger, shiftId, body.countedCash(), by)));
    }

    private void moveCash(ServerRequest req, ServerResponse res) {
        String shiftId = req.path().pathParameters().get("id");
        CashMovementRequest body = JsonBody.read(req).as(CashMovementRequest.class);
        body.validate();
        String movementId = ids.get().toString();
        Actor by = Caller.of(req).actor();
        Json.send(res, 201, writer.submit((handle, ledger) -> CashMovements.move(handle, ledger, movementId, shiftId, body, by)));
    }

    private void listCashMovements(ServerRequest req, ServerResponse res) {
        Shift shift = shift(req.path().pathParameters().get("id"));
        Json.ok(res, Map.of("items", jdbi.withHandle(handle -> CashMovements.ofShift(handle, shift.shiftId()))));
    }

    private Shift shift(String shiftId) {
        return jdbi.withHandle(handle -> Shifts.find(handle, shiftId)).orElseThrow(() -> Problem.notFound("shift " + shiftId));
    }

    record OpenShift(String registerId, Long openingFloat) {
        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (registerId == null || registerId.isBlank() || registerId.length() > 64) {
                errors.add(new FieldError("registerId", "is required (at most 64 characters)"));
            }
            if (openingFloat == null || openingFloat < 0 || openingFloat > MAX_CASH) {
                errors.add(new FieldError("openingFloat", "must be between 0 and " + MAX_CASH));
            }
            if (!errors.isEmpty()) {
                throw Problem.invalid(errors);
            }
        }
    }

    record CloseShift(Long countedCash) {
        void validate() {
            if (countedCash == null || countedCash < 0 || countedCash > MAX_CASH) {
                throw Problem.invalid("countedCash", "must be between 0 and " + MAX_CASH);
            }
        }
    }
}
