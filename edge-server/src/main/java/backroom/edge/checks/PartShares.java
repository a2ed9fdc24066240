package backroom.edge.checks;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One amount of money taken apart into parts that add up to it exactly, in minor units.
 *
 * <p>The rule, for every split of a check (equally, by amount, by item): each part first takes the
 * whole units of its share, {@code floor(|amount| * weight / all weights)}; the units left over
 * (fewer than there are parts) then go one each to the first parts in order, skipping parts whose
 * weight is 0. A negative amount (a rounding down) is taken apart as its size and each part
 * negated. Examples: 100,000 three ways is 33,334, 33,333 and 33,333; a tax of 1,000 seven ways is
 * 143 six times and 142; 10 in proportion 1:1:1 is 4, 3, 3.
 */
final class PartShares {

    private PartShares() {
    }

    /** {@code amount} in {@code parts} equal parts, the leftover units to the first ones. */
    static long[] equally(long amount, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("a split needs at least one part, not " + parts);
        }
        long[] weights = new long[parts];
        Arrays.fill(weights, 1);
        return inProportion(amount, weights);
    }

    /**
     * {@code amount} in proportion to {@code weights} (each >= 0, at least one above 0); the
     * leftover units to the first parts with a weight above 0.
     */
    static long[] inProportion(long amount, long[] weights) {
        BigInteger all = BigInteger.ZERO;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("a part's weight cannot be negative: " + weight);
            }
            all = all.add(BigInteger.valueOf(weight));
        }
        if (all.signum() == 0) {
            throw new IllegalArgumentException("a split needs a part with a weight above 0");
        }
        BigInteger size = BigInteger.valueOf(amount).abs();
        long[] shares = new long[weights.length];
        long left = size.longValueExact();
        for (int i = 0; i < weights.length; i++) {
            shares[i] = size.multiply(BigInteger.valueOf(weights[i])).divide(all).longValueExact();
            left -= shares[i];
        }
        for (int i = 0; left > 0; i++) {
            if (weights[i] > 0) {
                shares[i]++;
                left--;
            }
        }
        if (amount < 0) {
            for (int i = 0; i < shares.length; i++) {
                shares[i] = -shares[i];
            }
        }
        return shares;
    }
}
