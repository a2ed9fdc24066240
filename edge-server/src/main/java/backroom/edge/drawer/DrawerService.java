package backroom.edge.drawer;

import backroom.edge.access.Actor;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.printing.PrintQueue;
import backroom.edge.shifts.Shifts;
import backroom.edge.web.FieldError;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** {@code POST /api/v1/drawer/open {"registerId":"r1","reason":"change for the float"}}: a no-sale open, supervisor or above. */
public final class DrawerService implements ApiRoutes.Resource {

    private final LedgerWriter writer;
    private final Supplier<UUID> ids;
    private final PrintQueue printing;

    public DrawerService(LedgerWriter writer, Supplier<UUID> ids, PrintQueue printing) {
        this.writer = writer;
        this.ids = ids;
        this.printing = printing;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/open", Permission.OPEN_DRAWER, this::openDrawer);
    }

    private void openDrawer(ServerRequest req, ServerResponse res) {
        OpenRequest body = JsonBody.read(req).as(OpenRequest.class);
        body.validate();
        String openingId = ids.get().toString();
        Actor by = Caller.of(req).actor();
        Json.send(res, 201, writer.submit((handle, ledger) -> {
            DrawerOpening opening = record(handle, ledger, openingId, body, by);
            printing.kickDrawer(ledger, opening.ledgerSeq(), opening.registerId(), "no-sale: " + opening.reason(), null);
            return opening;
        }));
    }

    private static DrawerOpening record(Handle handle, LedgerAppender ledger, String openingId, OpenRequest body, Actor by) {
        DrawerOpening opening = new DrawerOpening(openingId, body.registerId(), Shifts.openOn(handle, body.registerId()).orElse(null),
                body.reason(), ledger.nextSeq(), ledger.now(), by);
        insert(handle, opening);
        ledger.append("drawer.opened", opening);
        return opening;
    }

    /** The row of {@code opening}, which is its {@code drawer.opened} entry's payload. */
    static void insert(Handle handle, DrawerOpening opening) {
        handle.createUpdate("""
                        INSERT INTO drawer_openings (id, register_id, shift_id, reason, staff_id, device_id, ledger_seq, opened_at)
                        VALUES (:id, :register, :shift, :reason, :staff, :device, :seq, :at)""")
                .bind("id", opening.drawerOpeningId())
                .bind("register", opening.registerId())
                .bind("shift", opening.shiftId())
                .bind("reason", opening.reason())
                .bind("staff", opening.by().staffId())
                .bind("device", opening.by().deviceId())
                .bind("seq", opening.ledgerSeq())
                .bind("at", opening.openedAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    record OpenRequest(String registerId, String reason) {
        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (registerId == null || registerId.isBlank() || registerId.length() > 64) {
                errors.add(new FieldError("registerId", "is required (at most 64 characters)"));
            }
            if (reason == null || reason.isBlank() || reason.length() > 500) {
                errors.add(new FieldError("reason", "is required for a no-sale open (at most 500 characters)"));
            }
            if (!errors.isEmpty()) {
                throw Problem.invalid(errors);
            }
        }
    }
}
