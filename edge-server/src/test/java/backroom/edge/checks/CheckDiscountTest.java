package backroom.edge.checks;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.sales.SaleLine;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A discount on a whole check, spread over its lines in proportion to their totals, never more than they come to. */
class CheckDiscountTest {

    @Test
    void aPercentageIsTakenHalfUpAndSpreadOverTheLinesInProportionLeftoverUnitsFirst() {
        List<SaleLine> lines = List.of(line(1, 10_000, "ppn-10"), line(2, 5_001, null), line(3, 0, "ppn-10"));
        CheckDiscount tenPercent = new CheckDiscount(null, 1_000);
        assertThat(tenPercent.offOf(15_001)).as("1,500.1 is 1,500").isEqualTo(1_500);
        assertThat(tenPercent.offOf(15_005)).as("1,500.5 rounds up").isEqualTo(1_501);

        List<SaleLine> discounted = tenPercent.appliedTo(lines);
        // 1,500 in proportion 10,000 : 5,001 : 0 is 999.93.. and 500.06..: 999 and 500, the leftover unit to the first.
        assertThat(discounted).extracting(SaleLine::lineTotal).containsExactly(10_000L - 1_000, 5_001L - 500, 0L);
        assertThat(discounted).extracting(SaleLine::discount).containsExactly(1_000L, 500L, 0L);
        assertThat(discounted.get(0).unitPrice()).as("the price stays the price").isEqualTo(10_000);
    }

    @Test
    void aFixedAmountTakesAtMostWhatTheLinesComeToAndNoneLeavesThemAsTheyAre() {
        List<SaleLine> lines = List.of(line(1, 3_000, null), line(2, 1_000, null));
        assertThat(new CheckDiscount(10_000L, null).appliedTo(lines)).extracting(SaleLine::lineTotal).containsExactly(0L, 0L);
        assertThat(new CheckDiscount(10_000L, null).offOf(4_000)).isEqualTo(4_000);
        assertThat(new CheckDiscount(1_000L, null).appliedTo(lines)).extracting(SaleLine::lineTotal).containsExactly(2_250L, 750L);
        assertThat(CheckDiscount.NONE.appliedTo(lines)).isSameAs(lines);
        assertThat(CheckDiscount.NONE.offOf(4_000)).isZero();
        assertThat(CheckDiscount.NONE.isNone()).isTrue();
        assertThat(new CheckDiscount(0L, null).isNone()).isFalse();
    }

    @Test
    void forManyRandomChecksTheLinesLoseExactlyTheDiscountAndNoLineGoesBelowNothing() {
        Random random = new Random(19);
        for (int round = 0; round < 5_000; round++) {
            int count = 1 + random.nextInt(8);
            SaleLine[] lines = new SaleLine[count];
            long subtotal = 0;
            for (int i = 0; i < count; i++) {
                lines[i] = line(i + 1, random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1_000_000), null);
                subtotal += lines[i].lineTotal();
            }
            CheckDiscount discount = random.nextBoolean() ? new CheckDiscount((long) random.nextInt(2_000_000), null)
                    : new CheckDiscount(null, 1 + random.nextInt(10_000));
            List<SaleLine> discounted = discount.appliedTo(List.of(lines));
            long after = 0;
            for (int i = 0; i < count; i++) {
                assertThat(discounted.get(i).lineTotal()).isBetween(0L, lines[i].lineTotal());
                after += discounted.get(i).lineTotal();
            }
            assertThat(subtotal - after).isEqualTo(discount.offOf(subtotal));
        }
    }

    private static SaleLine line(int lineNo, long total, String taxId) {
        return new SaleLine(lineNo, "p" + lineNo, "P" + lineNo, null, List.of(), 1, total, 0, total, taxId, null);
    }
}
