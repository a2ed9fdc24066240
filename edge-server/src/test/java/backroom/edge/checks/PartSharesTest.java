package backroom.edge.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartSharesTest {

    @Test
    void aHundredThousandThreeWaysGivesTheLeftoverUnitToTheFirstPart() {
        assertThat(PartShares.equally(100_000, 3)).containsExactly(33_334, 33_333, 33_333);
    }

    @Test
    void aTaxOfAThousandSevenWaysGivesTheSixLeftoverUnitsToTheFirstSixParts() {
        assertThat(PartShares.equally(1_000, 7)).containsExactly(143, 143, 143, 143, 143, 143, 142);
    }

    @Test
    void anAmountThatDividesLeavesNothingOver() {
        assertThat(PartShares.equally(90, 3)).containsExactly(30, 30, 30);
        assertThat(PartShares.equally(7, 1)).containsExactly(7);
        assertThat(PartShares.equally(2, 5)).containsExactly(1, 1, 0, 0, 0);
    }

    @Test
    void inProportionEachPartTakesItsWholeUnitsAndTheFirstOnesTheRest() {
        assertThat(PartShares.inProportion(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
        assertThat(PartShares.inProportion(100, new long[] {1, 3})).containsExactly(25, 75);
        assertThat(PartShares.inProportion(101, new long[] {1, 3})).as("25.25 and 75.75: the leftover unit to the first")
                .containsExactly(26, 75);
    }

    @Test
    void aPartWithNoWeightTakesNothingNotEvenALeftoverUnit() {
        assertThat(PartShares.inProportion(11, new long[] {0, 1, 1})).containsExactly(0, 6, 5);
        assertThat(PartShares.inProportion(11, new long[] {1, 0, 1})).containsExactly(6, 0, 5);
    }

    @Test
    void aNegativeAmountIsTakenApartAsItsSizeAndEachPartNegated() {
        assertThat(PartShares.inProportion(-10, new long[] {1, 1, 1})).containsExactly(-4, -3, -3);
        assertThat(PartShares.equally(-1, 2)).containsExactly(-1, 0);
    }

    @Test
    void aSplitWithoutPartsOrWithANegativeOrNoWeightIsRefused() {
        assertThatThrownBy(() -> PartShares.equally(10, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> PartShares.inProportion(10, new long[] {2, -1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> PartShares.inProportion(10, new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forManyRandomSplitsThePartsAddUpExactlyAndEachIsWithinAUnitOfItsShare() {
        Random random = new Random(19);
        for (int round = 0; round < 20_000; round++) {
            long amount = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            long[] weights = new long[1 + random.nextInt(12)];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextInt(4) == 0 ? 0 : random.nextLong(1, 10_000_000);
            }
            weights[random.nextInt(weights.length)] = random.nextLong(1, 10_000_000);

            long[] shares = PartShares.inProportion(amount, weights);

            String split = amount + " in proportion " + Arrays.toString(weights) + " -> " + Arrays.toString(shares);
            assertThat(Arrays.stream(shares).sum()).as(split).isEqualTo(amount);
            BigInteger all = BigInteger.valueOf(Arrays.stream(weights).sum());
            boolean leftoverStopped = false;
            for (int i = 0; i < shares.length; i++) {
                BigInteger exact = BigInteger.valueOf(Math.abs(amount)).multiply(BigInteger.valueOf(weights[i]));
                long whole = exact.divide(all).longValueExact();
                long extra = Math.abs(shares[i]) - whole;
                assertThat(extra).as("part %d of %s: its whole units, and at most one more", i, split).isBetween(0L, 1L);
                assertThat(Long.signum(shares[i])).as("part %d of %s has the amount's sign", i, split).isIn(0, Long.signum(amount));
                if (weights[i] == 0) {
                    assertThat(shares[i]).as(split).isZero();
                } else if (extra == 0) {
                    leftoverStopped = true;
                } else {
                    assertThat(leftoverStopped).as("a leftover unit after a part that had none: %s", split).isFalse();
                }
            }
        }
    }
}
