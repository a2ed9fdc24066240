package backroom.edge.shifts;

import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/shifts/{id}/cash-movements}: {@code {"kind":"in|out","amount":50000,"reason":"change from the bank"}}. */
record CashMovementRequest(String kind, Long amount, String reason) {

    void validate() {
        List<FieldError> errors = new ArrayList<>();
        if (!"in".equals(kind) && !"out".equals(kind)) {
            errors.add(new FieldError("kind", "must be in or out"));
        }
        if (amount == null || amount <= 0 || amount > ShiftService.MAX_CASH) {
            errors.add(new FieldError("amount", "must be between 1 and " + ShiftService.MAX_CASH));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            errors.add(new FieldError("reason", "is required (at most 500 characters)"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }
}
