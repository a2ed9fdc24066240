package backroom.edge.access;

import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /api/v1/staff} (every field) and {@code PATCH /api/v1/staff/{id}} (any of them). */
record StaffRequest(String name, String pin, String role) {

    /** Checks a new staff member's fields; returns the role. */
    Role validForAdding(Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null) {
            errors.add(new FieldError("name", "is required (at most 200 characters)"));
        }
        if (pin == null) {
            errors.add(new FieldError("pin", "is required: 4 to 8 digits"));
        }
        if (role == null) {
            errors.add(new FieldError("role", "is required: cashier, supervisor, manager, kitchen or technician"));
        }
        return check(caller, errors);
    }

    /** Checks the fields a change sends; returns the new role, or null if it keeps its role. */
    Role validForChanging(Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null && pin == null && role == null) {
            errors.add(new FieldError("name", "name, pin or role must be given"));
        }
        return check(caller, errors);
    }

    private Role check(Caller caller, List<FieldError> errors) {
        if (name != null && (name.isBlank() || name.length() > 200)) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        if (pin != null && !Pins.wellFormed(pin)) {
            errors.add(new FieldError("pin", "must be 4 to 8 digits"));
        }
        Role parsed = role == null ? null : Role.fromWire(role).orElse(null);
        if (role != null && parsed == null) {
            errors.add(new FieldError("role", "must be cashier, supervisor, manager, kitchen or technician"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        if (parsed != null && !caller.staff().role().outranksOrEquals(parsed)) {
            throw new Problem(403, "Forbidden", "role: a " + caller.staff().role().wireName() + " may not give the role " + role,
                    List.of(new FieldError("role", "is above the caller's own role")));
        }
        return parsed;
    }
}
