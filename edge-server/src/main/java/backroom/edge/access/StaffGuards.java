package backroom.edge.access;

import backroom.edge.access.StaffRoster.StaffMember;
import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Who may change or remove whom; run inside the write, against the staff table as it is then. */
final class StaffGuards {

    private StaffGuards() {
    }

    static void requireMayChange(Handle handle, Caller caller, String staffId, Role newRole) {
        StaffMember target = target(handle, caller, staffId);
        if (newRole != null && newRole != Role.TECHNICIAN && target.role() == Role.TECHNICIAN) {
            requireAnotherTechnician(handle, staffId, "role");
        }
    }

    static void requireMayRemove(Handle handle, Caller caller, String staffId) {
        StaffMember target = target(handle, caller, staffId);
        if (target.role() == Role.TECHNICIAN) {
            requireAnotherTechnician(handle, staffId, "staffId");
        }
    }

    private static StaffMember target(Handle handle, Caller caller, String staffId) {
        StaffMember target = StaffRoster.findActive(handle, staffId)
                .orElseThrow(() -> Problem.notFound("staff member " + staffId)).member();
        if (!caller.staff().role().outranksOrEquals(target.role())) {
            throw new Problem(403, "Forbidden", "staffId: a " + caller.staff().role().wireName() + " may not change a "
                    + target.role().wireName(), List.of(new FieldError("staffId", "is above the caller's own role")));
        }
        return target;
    }

    /**
     * Without a technician who can sign in nobody could pair a device or reach the setup again (a
     * technician rebuilt from HQ without a PIN does not count until one is set).
     */
    private static void requireAnotherTechnician(Handle handle, String staffId, String field) {
        if (!StaffRoster.anotherTechnicianCanSignIn(handle, staffId)) {
            throw Problem.conflict(field, "this is the box's last technician who can sign in; add another technician, or set a"
                    + " PIN for one, first");
        }
    }
}
