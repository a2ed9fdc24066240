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

        for (String method : List.of("cash", "card", "qris", "ewallet", "voucher", "gift_card", "store_credit", "points")) {
            assertThatCode(() -> new RefundRequest(items, "r".repeat(500), method, "s".repeat(64), null).validate()).doesNotThrowAnyException();
        }
        assertThatCode(() -> new RefundRequest(null, "x", null, null, null).validate()).doesNotThrowAnyException();
        assertThat(new RefundRequest(null, "x", null, null, null).itemsOrAll()).isEmpty();
        assertThatCode(() -> new RefundRequest(null, "x", "gift_card", null, "123456").validate()).doesNotThrowAnyException();
        assertThatCode(() -> new RefundRequest(null, "x", "store_credit", null, "A-" + "9".repeat(30)).validate()).doesNotThrowAnyException();
    }

    @Test
    void oneBeyondALimitIsRefusedNamingItsFieldAndRule() {
        assertThat(errors(new RefundRequest(null, null, null, null, null))).containsExactly("reason: is required (at most 500 characters)");
        assertThat(errors(new RefundRequest(null, " ", null, null, null))).containsExactly("reason: is required (at most 500 characters)");
        assertThat(errors(new RefundRequest(null, "r".repeat(501), null, null, null))).containsExactly("reason: is required (at most 500 characters)");
        assertThat(errors(new RefundRequest(null, "x", "gold", null, null))).containsExactly("method: must be one of card, cash, ewallet, gift_card, points, qris, store_credit, voucher");
        assertThat(errors(new RefundRequest(null, "x", null, " ", null))).containsExactly("shiftId: must name a shift (at most 64 characters)");
        assertThat(errors(new RefundRequest(null, "x", null, "s".repeat(65), null)))
                .containsExactly("shiftId: must name a shift (at most 64 characters)");
        assertThat(errors(new RefundRequest(Arrays.asList(new RefundRequest.Item(1, 1), null), "x", null, null, null))).containsExactly(
                "items[1].lineNo: must be the number of a line of the sale", "items[1].quantity: must be a whole number of units from 1");
        assertThat(errors(new RefundRequest(List.of(new RefundRequest.Item(null, null)), "x", null, null, null))).containsExactly(
                "items[0].lineNo: must be the number of a line of the sale", "items[0].quantity: must be a whole number of units from 1");
        assertThat(errors(new RefundRequest(List.of(new RefundRequest.Item(0, 0)), "x", null, null, null))).containsExactly(
                "items[0].lineNo: must be the number of a line of the sale", "items[0].quantity: must be a whole number of units from 1");
        assertThat(errors(new RefundRequest(List.of(new RefundRequest.Item(1, 10_001)), "x", null, null, null)))
                .containsExactly("items[0].quantity: must be a whole number of units from 1");
        assertThat(errors(new RefundRequest(Arrays.asList(null, new RefundRequest.Item(2, 1), new RefundRequest.Item(2, 1)), "x", null, null, null)))
                .containsExactly("items[0].lineNo: must be the number of a line of the sale",
                        "items[0].quantity: must be a whole number of units from 1",
                        "items[2].lineNo: names a line already given earlier in items");
    }

    @Test
    void aReferenceNamesAGiftCardOrStoreCreditTheMoneyGoesOnto() {
        String rule = "reference: names the gift card or store credit the money goes onto (6 to 32 letters, digits or dashes),"
                + " with method gift_card or store_credit";
        assertThat(errors(new RefundRequest(null, "x", "gift_card", null, "12345"))).containsExactly(rule);
        assertThat(errors(new RefundRequest(null, "x", "store_credit", null, "9".repeat(33)))).containsExactly(rule);
        assertThat(errors(new RefundRequest(null, "x", "gift_card", null, "1234 5678"))).containsExactly(rule);
        assertThat(errors(new RefundRequest(null, "x", "cash", null, "123456"))).containsExactly(rule);
        assertThat(errors(new RefundRequest(null, "x", null, null, "123456"))).containsExactly(rule);
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
