package backroom.edge.access;

import backroom.edge.access.StaffRoster.StaffMember;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/staff}: add, list, change and remove staff. A caller may only give, change or
 * remove a role at or below their own, and the last technician cannot be removed or demoted.
 */
public final class StaffService implements ApiRoutes.Resource {

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Keyring keyring;
    private final SecretTokens tokens;
    private final BoxKey key;
    private final Supplier<UUID> ids;

    public StaffService(Jdbi jdbi, LedgerWriter writer, Keyring keyring, SecretTokens tokens, BoxKey key, Supplier<UUID> ids) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.keyring = keyring;
        this.tokens = tokens;
        this.key = key;
        this.ids = ids;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/", Permission.MANAGE_STAFF, this::addStaff)
                .get("/", Permission.MANAGE_STAFF, this::listStaff)
                .patch("/{id}", Permission.MANAGE_STAFF, this::changeStaff)
                .delete("/{id}", Permission.MANAGE_STAFF, this::removeStaff);
    }

    private void addStaff(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        StaffRequest body = JsonBody.read(req).as(StaffRequest.class);
        Role role = body.validForAdding(caller);
        requirePinFree(body.pin(), null);
        String pinHash = Pins.hash(key, body.pin(), tokens.salt());
        String staffId = ids.get().toString();
        StaffMember added = writer.submit((handle, ledger) -> StaffRoster.add(handle, ledger, staffId, body.name(), role, pinHash, caller.actor()));
        Json.send(res, 201, added);
    }

    private void listStaff(ServerRequest req, ServerResponse res) {
        Json.ok(res, Map.of("items", jdbi.withHandle(StaffRoster::active).stream().map(StaffRoster.PinHolder::member).toList()));
    }

    private void changeStaff(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String staffId = req.path().pathParameters().get("id");
        StaffRequest body = JsonBody.read(req).as(StaffRequest.class);
        Role role = body.validForChanging(caller);
        if (body.pin() != null) {
            requirePinFree(body.pin(), staffId);
        }
        String pinHash = body.pin() == null ? null : Pins.hash(key, body.pin(), tokens.salt());
        StaffMember changed = writer.submit((handle, ledger) -> {
            StaffGuards.requireMayChange(handle, caller, staffId, role);
            return StaffRoster.change(handle, ledger, staffId, body.name(), role, pinHash, caller.actor());
        });
        keyring.staffSessionsEnded(staffId);
        Json.ok(res, changed);
    }

    private void removeStaff(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String staffId = req.path().pathParameters().get("id");
        writer.submit((handle, ledger) -> {
            StaffGuards.requireMayRemove(handle, caller, staffId);
            StaffRoster.remove(handle, ledger, staffId, caller.actor());
            return null;
        });
        keyring.staffSessionsEnded(staffId);
        Json.ok(res, Map.of("staffId", staffId, "removed", true));
    }

    /** Sign-in finds staff by PIN alone, so two active staff may not share one. */
    private void requirePinFree(String pin, String exceptStaffId) {
        boolean taken = jdbi.withHandle(StaffRoster::active).parallelStream()
                .filter(holder -> !holder.member().staffId().equals(exceptStaffId))
                .anyMatch(holder -> Pins.matches(key, pin, holder.pinHash()));
        if (taken) {
            throw Problem.conflict("pin", "another staff member has this PIN; choose another");
        }
    }
}
