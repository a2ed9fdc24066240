package backroom.edge.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits of a refund request: each limit itself is taken, one beyond it is refused naming the field and the rule. */
class RefundRequestTest {

    @Test
    void everyLimitItselfIsAccepted() {
        List<RefundRequest.Item> items = List.of(new RefundRequest.Item(1, 1), new RefundRequest.Item(2, 10_000));

        for (String method : List.of("cash", "card", "qris", "ewallet", "voucher")) {
            assertThatCode(() -> new RefundRequest(items, "r".repeat(500), method, "s".repeat(64)).validate()).doesNotThrowAnyException();
        }
        assertThatCode(() -> new RefundRequest(null, "x", null, null).validate()).doesNotThrowAnyException();
        assertThat(new RefundRequest(null, "x", null, null).itemsOrAll()).isEmpty();
    }

    @Test
    void oneBeyondALimitIsRefusedNamingItsFieldAndRule() {
        assertThat(errors(new RefundRequest(null, null, null, null))).containsExactly("reason: is required (at most 500 characters)");
        assertThat(errors(new RefundRequest(null, " ", null, null))).containsExactly("reason: is required (at most 500 characters)");
        assertThat(errors(new RefundRequest(null, "r".repeat(501), null, null))).containsExactly("reason: is required (at most 500 characters)");
        assertThat(errors(new RefundRequest(null, "x", "gold", null))).containsExactly("method: must be one of card, cash, ewallet, qris, voucher");
        assertThat(errors(new RefundRequest(null, "x", null, " "))).containsExactly("shiftId: must name a shift (at most 64 characters)");
        assertThat(errors(new RefundRequest(null, "x", null, "s".repeat(65))))
                .containsExactly("shiftId: must name a shift (at most 64 characters)");
        assertThat(errors(new RefundRequest(Arrays.asList(new RefundRequest.Item(1, 1), null), "x", null, null))).containsExactly(
                "items[1].lineNo: must be the number of a line of the sale", "items[1].quantity: must be a whole number of units from 1");
        assertThat(errors(new RefundRequest(List.of(new RefundRequest.Item(null, null)), "x", null, null))).containsExactly(
                "items[0].lineNo: must be the number of a line of the sale", "items[0].quantity: must be a whole number of units from 1");
        assertThat(errors(new RefundRequest(List.of(new RefundRequest.Item(0, 0)), "x", null, null))).containsExactly(
                "items[0].lineNo: must be the number of a line of the sale", "items[0].quantity: must be a whole number of units from 1");
        assertThat(errors(new RefundRequest(List.of(new RefundRequest.Item(1, 10_001)), "x", null, null)))
                .containsExactly("items[0].quantity: must be a whole number of units from 1");
        assertThat(errors(new RefundRequest(Arrays.asList(null, new RefundRequest.Item(2, 1), new RefundRequest.Item(2, 1)), "x", null, null)))
                .containsExactly("items[0].lineNo: must be the number of a line of the sale",
                        "items[0].quantity: must be a whole number of units from 1",
                        "items[2].lineNo: names a line already given earlier in items");
    }

    private static List<String> errors(RefundRequest request) {
        Problem problem = catchThrowableOfType(Problem.class, request::validate);
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        problem.errors().forEach(error -> errors.add(error.field() + ": " + error.message()));
        return errors;
    }
}
