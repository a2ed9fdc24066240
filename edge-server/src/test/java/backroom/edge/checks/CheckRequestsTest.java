package backroom.edge.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backroom.edge.sales.SaleRequest;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits of each check request, at their edges: the last value taken and the first refused, each naming its field. */
class CheckRequestsTest {

    private static final long MOST = CheckRequests.MOST_AMOUNT;

    @Test
    void anOpenCheckTakesOneToAHundredGuestsAndTextsUpToTheirLength() {
        taken(() -> new CheckRequests.Open("t1", null, null, 1).validate());
        taken(() -> new CheckRequests.Open(null, "n".repeat(100), "delivery", 100).validate());
        refused(() -> new CheckRequests.Open("t1", null, null, 0).validate(), "guests");
        refused(() -> new CheckRequests.Open("t1", null, null, 101).validate(), "guests");
        refused(() -> new CheckRequests.Open("t".repeat(65), null, null, null).validate(), "tableId");
        refused(() -> new CheckRequests.Open(null, "n".repeat(101), null, null).validate(), "name");
        refused(() -> new CheckRequests.Open(" ", " ", null, null).validate(), "tableId");
        assertThat(new CheckRequests.Open(" t1 ", null, null, null).table()).isEqualTo("t1");
        assertThat(new CheckRequests.Open(" ", "Ana", null, null).table()).isNull();
        assertThat(new CheckRequests.Open("t1", null, null, null).orderTypeOrDineIn()).isEqualTo("dine_in");
    }

    @Test
    void aSplitTakesTwoToFiftyPartsWaysOrAmountsAndAmountsFromNothingToTheLargest() {
        taken(() -> split("equally", null, 2, null));
        taken(() -> split("equally", null, 50, null));
        refused(() -> split("equally", null, 1, null), "ways");
        refused(() -> split("equally", null, 51, null), "ways");
        taken(() -> split("amounts", null, null, List.of(0L, MOST)));
        taken(() -> split("amounts", null, null, Collections.nCopies(50, 1L)));
        refused(() -> split("amounts", null, null, List.of(1L)), "amounts");
        refused(() -> split("amounts", null, null, Collections.nCopies(51, 1L)), "amounts");
        refused(() -> split("amounts", null, null, List.of(-1L, 1L)), "amounts[0]");
        refused(() -> split("amounts", null, null, List.of(1L, MOST + 1)), "amounts[1]");
        taken(() -> split("items", parts(2), null, null));
        taken(() -> split("items", parts(50), null, null));
        refused(() -> split("items", parts(1), null, null), "parts");
        refused(() -> split("items", parts(51), null, null), "parts");
    }

    @Test
    void aPaymentNamesAPartFromOneToFifty() {
        List<SaleRequest.Payment> cash = List.of(new SaleRequest.Payment("cash", 1L, null, null));
        taken(() -> new CheckRequests.Pay("r1", "s1", 1, cash).validate());
        taken(() -> new CheckRequests.Pay("r1", "s1", 50, cash).validate());
        refused(() -> new CheckRequests.Pay("r1", "s1", 0, cash).validate(), "partNo");
        refused(() -> new CheckRequests.Pay("r1", "s1", 51, cash).validate(), "partNo");
        refused(() -> new CheckRequests.Pay("r".repeat(65), null, null, cash).validate(), "registerId", "shiftId");
    }

    @Test
    void aDiscountIsFromNothingToTheLargestAmountOrOneBasisPointToAllAndAPriceFromNothingToTheLargest() {
        taken(() -> new CheckRequests.Discount(0L, null, "r").validate());
        taken(() -> new CheckRequests.Discount(MOST, null, "r".repeat(200)).validate());
        taken(() -> new CheckRequests.Discount(null, 1, "r").validate());
        taken(() -> new CheckRequests.Discount(null, 10_000, "r").validate());
        taken(() -> new CheckRequests.Discount(null, null, null).validate());
        refused(() -> new CheckRequests.Discount(-1L, null, "r").validate(), "amount");
        refused(() -> new CheckRequests.Discount(MOST + 1, null, "r").validate(), "amount");
        refused(() -> new CheckRequests.Discount(null, 0, "r").validate(), "percentBp");
        refused(() -> new CheckRequests.Discount(null, 10_001, "r").validate(), "percentBp");
        refused(() -> new CheckRequests.Discount(1L, null, "r".repeat(201)).validate(), "reason");
        refused(() -> new CheckRequests.Discount(null, 5, " ").validate(), "reason");
        taken(() -> new CheckRequests.PriceOverride(0L, "r").validate());
        taken(() -> new CheckRequests.PriceOverride(MOST, "r".repeat(200)).validate());
        refused(() -> new CheckRequests.PriceOverride(-1L, "r").validate(), "unitPrice");
        refused(() -> new CheckRequests.PriceOverride(MOST + 1, "r").validate(), "unitPrice");
        refused(() -> new CheckRequests.PriceOverride(1L, "r".repeat(201)).validate(), "reason");
        refused(() -> new CheckRequests.PriceOverride(null, null).validate(), "unitPrice", "reason");
    }

    @Test
    void aMoveAndAMergeNeedAnIdOfAtMost64Characters() {
        taken(() -> new CheckRequests.Move("t".repeat(64)).validate());
        refused(() -> new CheckRequests.Move("t".repeat(65)).validate(), "tableId");
        taken(() -> new CheckRequests.Merge("c".repeat(64)).validate());
        refused(() -> new CheckRequests.Merge("c".repeat(65)).validate(), "fromCheckId");
    }

    private static void split(String by, List<CheckRequests.PartLines> parts, Integer ways, List<Long> amounts) {
        new CheckRequests.Split(by, parts, ways, amounts).validate();
    }

    private static List<CheckRequests.PartLines> parts(int count) {
        List<CheckRequests.PartLines> parts = new ArrayList<>();
        for (int p = 1; p <= count; p++) {
            parts.add(new CheckRequests.PartLines(List.of(p)));
        }
        return parts;
    }

    private static void taken(Runnable validation) {
        assertThatCode(validation::run).doesNotThrowAnyException();
    }

    private static void refused(Runnable validation, String... fields) {
        Problem problem = catchThrowableOfType(Problem.class, validation::run);
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).extracting(error -> error.field()).containsExactlyInAnyOrder(fields);
    }
}
