package backroom.edge.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each limit of a sale request: the limit itself is taken, one beyond it is refused naming the field and the rule. */
class SaleRequestRulesTest {

    static final long MAX_AMOUNT = 10_000_000_000_000L;
    static final SaleRequest.Item LATTE = new SaleRequest.Item("coffee-latte", "large", 1, List.of("extra-shot"), null, null);
    static final SaleRequest.Payment CASH = new SaleRequest.Payment("cash", 100_000L, null, null);

    @Test
    void everyLimitItselfIsAccepted() {
        SaleRequest.Item widest = new SaleRequest.Item("p".repeat(64), "v".repeat(64), 999, modifiers(20), "n".repeat(500), MAX_AMOUNT);
        SaleRequest.Payment largest = new SaleRequest.Payment("voucher", MAX_AMOUNT, "x".repeat(200), null);
        SaleRequest atEveryLimit = new SaleRequest("r".repeat(64), "s".repeat(64), "dine_in", "t".repeat(64), "c".repeat(64),
                Collections.nCopies(200, widest), Collections.nCopies(10, largest));
        SaleRequest.Item least = new SaleRequest.Item("p", null, 1, null, null, 0L);
        SaleRequest smallest = new SaleRequest("r", "s", null, null, null, List.of(least), List.of(new SaleRequest.Payment("card", 1L, null, null)));

        assertThatCode(() -> SaleRequestRules.check(atEveryLimit)).doesNotThrowAnyException();
        assertThatCode(() -> SaleRequestRules.check(smallest)).doesNotThrowAnyException();
        for (Long tip : new Long[] {0L, MAX_AMOUNT}) {
            SaleRequest tipped = new SaleRequest("r", "s", null, null, null, List.of(least), List.of(new SaleRequest.Payment("card", 1L, null, tip),
                    new SaleRequest.Payment("qris", 1L, null, 0L)));
            assertThatCode(() -> SaleRequestRules.check(tipped)).as("a tip of " + tip).doesNotThrowAnyException();
        }
        for (String orderType : List.of("dine_in", "takeaway", "delivery", "retail")) {
            assertThatCode(() -> SaleRequestRules.check(withOrderType(orderType))).doesNotThrowAnyException();
        }
    }

    static Stream<Arguments> beyondALimit() {
        return Stream.of(
                refused("no register", new SaleRequest(null, "s", null, null, null, List.of(LATTE), List.of(CASH)),
                        "registerId: is required (at most 64 characters)"),
                refused("a blank register", new SaleRequest(" ", "s", null, null, null, List.of(LATTE), List.of(CASH)),
                        "registerId: is required (at most 64 characters)"),
                refused("a register of 65 characters", new SaleRequest("r".repeat(65), "s", null, null, null, List.of(LATTE), List.of(CASH)),
                        "registerId: is required (at most 64 characters)"),
                refused("a shift of 65 characters", new SaleRequest("r", "s".repeat(65), null, null, null, List.of(LATTE), List.of(CASH)),
                        "shiftId: is required (at most 64 characters)"),
                refused("a table of 65 characters", new SaleRequest("r", "s", null, "t".repeat(65), null, List.of(LATTE), List.of(CASH)),
                        "tableId: must be at most 64 characters"),
                refused("a customer of 65 characters", new SaleRequest("r", "s", null, null, "c".repeat(65), List.of(LATTE), List.of(CASH)),
                        "customerId: must be at most 64 characters"),
                refused("no items", sale(null, List.of(CASH)), "items: must hold 1 to 200 items"),
                refused("201 items", sale(Collections.nCopies(201, LATTE), List.of(CASH)), "items: must hold 1 to 200 items"),
                refused("a missing item", sale(Arrays.asList(LATTE, null), List.of(CASH)), "items[1]: is required"),
                refused("an item without a product", sale(List.of(item(null, 1)), List.of(CASH)),
                        "items[0].productId: is required (at most 64 characters)"),
                refused("a variant of 65 characters", sale(List.of(new SaleRequest.Item("p", "v".repeat(65), 1, null, null, null)), List.of(CASH)),
                        "items[0].variantId: must be at most 64 characters"),
                refused("no quantity", sale(List.of(item("p", null)), List.of(CASH)), "items[0].quantity: must be a whole number from 1 to 999"),
                refused("a quantity of 0", sale(List.of(item("p", 0)), List.of(CASH)), "items[0].quantity: must be a whole number from 1 to 999"),
                refused("a quantity of 1000", sale(List.of(item("p", 1000)), List.of(CASH)),
                        "items[0].quantity: must be a whole number from 1 to 999"),
                refused("21 modifiers", sale(List.of(withModifiers(modifiers(21))), List.of(CASH)),
                        "items[0].modifierIds: must be at most 20 distinct ids"),
                refused("a modifier twice", sale(List.of(withModifiers(List.of("extra-shot", "oat-milk", "extra-shot"))), List.of(CASH)),
                        "items[0].modifierIds: must be at most 20 distinct ids"),
                refused("a blank modifier", sale(List.of(withModifiers(List.of("extra-shot", " "))), List.of(CASH)),
                        "items[0].modifierIds: must be at most 20 distinct ids"),
                refused("a missing modifier", sale(List.of(withModifiers(Arrays.asList("extra-shot", null))), List.of(CASH)),
                        "items[0].modifierIds: must be at most 20 distinct ids"),
                refused("a note of 501 characters", sale(List.of(new SaleRequest.Item("p", null, 1, null, "n".repeat(501), null)), List.of(CASH)),
                        "items[0].notes: must be at most 500 characters"),
                refused("a discount of -1", sale(List.of(withDiscount(-1)), List.of(CASH)),
                        "items[0].discount: must be between 0 and 10000000000000"),
                refused("a discount beyond the largest amount", sale(List.of(withDiscount(MAX_AMOUNT + 1)), List.of(CASH)),
                        "items[0].discount: must be between 0 and 10000000000000"),
                refused("no payments", sale(List.of(LATTE), List.of()), "payments: must hold 1 to 10 payments"),
                refused("11 payments", sale(List.of(LATTE), Collections.nCopies(11, CASH)), "payments: must hold 1 to 10 payments"),
                refused("a missing payment", sale(List.of(LATTE), Arrays.asList(CASH, null)), "payments[1]: is required"),
                refused("no amount", sale(List.of(LATTE), List.of(new SaleRequest.Payment("cash", null, null, null))),
                        "payments[0].amount: must be between 1 and 10000000000000"),
                refused("an amount of 0", sale(List.of(LATTE), List.of(new SaleRequest.Payment("cash", 0L, null, null))),
                        "payments[0].amount: must be between 1 and 10000000000000"),
                refused("an amount beyond the largest", sale(List.of(LATTE), List.of(new SaleRequest.Payment("cash", MAX_AMOUNT + 1, null, null))),
                        "payments[0].amount: must be between 1 and 10000000000000"),
                refused("a reference of 201 characters", sale(List.of(LATTE), List.of(new SaleRequest.Payment("card", 1L, "x".repeat(201), null))),
                        "payments[0].reference: must be at most 200 characters"),
                refused("a tip below nothing", sale(List.of(LATTE), List.of(new SaleRequest.Payment("card", 1L, null, -1L))),
                        "payments[0].tip: must be between 0 and 10000000000000"),
                refused("a tip beyond the largest", sale(List.of(LATTE), List.of(new SaleRequest.Payment("cash", 1L, null, MAX_AMOUNT + 1))),
                        "payments[0].tip: must be between 0 and 10000000000000"),
                refused("a tip on a QRIS payment", sale(List.of(LATTE), List.of(new SaleRequest.Payment("qris", 1L, null, 1L))),
                        "payments[0].tip: only a card or cash payment takes a tip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beyondALimit")
    void oneBeyondALimitIsRefusedNamingItsFieldAndRule(String what, SaleRequest request, String error) {
        assertThat(errors(request)).containsExactly(error);
    }

    @Test
    void anUnknownOrderTypeOrPaymentMethodIsRefusedNamingItsField() {
        Problem orderType = catchThrowableOfType(Problem.class, () -> SaleRequestRules.check(withOrderType("brunch")));
        Problem method = catchThrowableOfType(Problem.class, () -> SaleRequestRules.check(
                sale(List.of(LATTE), List.of(new SaleRequest.Payment("gold", 1L, null, null), new SaleRequest.Payment(null, 1L, null, null)))));

        assertThat(orderType.errors()).extracting(error -> error.field()).containsExactly("orderType");
        assertThat(method.errors()).extracting(error -> error.field()).containsExactly("payments[0].method", "payments[1].method");
    }

    private static Arguments refused(String what, SaleRequest request, String error) {
        return Arguments.of(what, request, error);
    }

    private static List<String> errors(SaleRequest request) {
        Problem problem = catchThrowableOfType(Problem.class, () -> SaleRequestRules.check(request));
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        problem.errors().forEach(error -> errors.add(error.field() + ": " + error.message()));
        return errors;
    }

    private static SaleRequest sale(List<SaleRequest.Item> items, List<SaleRequest.Payment> payments) {
        return new SaleRequest("r", "s", null, null, null, items, payments);
    }

    private static SaleRequest withOrderType(String orderType) {
        return new SaleRequest("r", "s", orderType, null, null, List.of(LATTE), List.of(CASH));
    }

    private static SaleRequest.Item item(String productId, Integer quantity) {
        return new SaleRequest.Item(productId, null, quantity, null, null, null);
    }

    private static SaleRequest.Item withModifiers(List<String> modifierIds) {
        return new SaleRequest.Item("coffee-latte", null, 1, modifierIds, null, null);
    }

    private static SaleRequest.Item withDiscount(long discount) {
        return new SaleRequest.Item("coffee-latte", null, 1, null, null, discount);
    }

    private static List<String> modifiers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "m" + i).toList();
    }
}
