package backroom.edge.shifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The limits of opening, closing and moving cash: each limit itself is taken, one beyond it is refused naming the field and the rule. */
class ShiftRequestsTest {

    static final long MAX_CASH = 1_000_000_000_000L;

    @Test
    void everyLimitItselfIsAccepted() {
        assertThatCode(() -> new ShiftService.OpenShift("r".repeat(64), 0L).validate()).doesNotThrowAnyException();
        assertThatCode(() -> new ShiftService.OpenShift("r", MAX_CASH).validate()).doesNotThrowAnyException();
        assertThatCode(() -> new ShiftService.CloseShift(0L).validate()).doesNotThrowAnyException();
        assertThatCode(() -> new ShiftService.CloseShift(MAX_CASH).validate()).doesNotThrowAnyException();
        assertThatCode(() -> new CashMovementRequest("in", 1L, "r".repeat(500)).validate()).doesNotThrowAnyException();
        assertThatCode(() -> new CashMovementRequest("out", MAX_CASH, "x").validate()).doesNotThrowAnyException();
    }

    @Test
    void oneBeyondALimitIsRefusedNamingItsFieldAndRule() {
        assertThat(errors(new ShiftService.OpenShift(null, null)::validate)).containsExactly(
                "registerId: is required (at most 64 characters)", "openingFloat: must be between 0 and 1000000000000");
        assertThat(errors(new ShiftService.OpenShift(" ", -1L)::validate)).containsExactly(
                "registerId: is required (at most 64 characters)", "openingFloat: must be between 0 and 1000000000000");
        assertThat(errors(new ShiftService.OpenShift("r".repeat(65), MAX_CASH + 1)::validate)).containsExactly(
                "registerId: is required (at most 64 characters)", "openingFloat: must be between 0 and 1000000000000");
        for (Long counted : new Long[] {null, -1L, MAX_CASH + 1}) {
            assertThat(errors(new ShiftService.CloseShift(counted)::validate)).containsExactly("countedCash: must be between 0 and 1000000000000");
        }
        assertThat(errors(new CashMovementRequest(null, null, null)::validate)).containsExactly("kind: must be in or out",
                "amount: must be between 1 and 1000000000000", "reason: is required (at most 500 characters)");
        assertThat(errors(new CashMovementRequest("IN", 0L, " ")::validate)).containsExactly("kind: must be in or out",
                "amount: must be between 1 and 1000000000000", "reason: is required (at most 500 characters)");
        assertThat(errors(new CashMovementRequest("out", MAX_CASH + 1, "r".repeat(501))::validate)).containsExactly(
                "amount: must be between 1 and 1000000000000", "reason: is required (at most 500 characters)");
    }

    private static List<String> errors(Executable validate) {
        Problem problem = catchThrowableOfType(Problem.class, validate::execute);
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        problem.errors().forEach(error -> errors.add(error.field() + ": " + error.message()));
        return errors;
    }
}
