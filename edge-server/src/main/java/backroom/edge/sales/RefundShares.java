package backroom.edge.sales;

import java.math.BigInteger;
import java.util.List;

/**
 * What a refund of some units gives back, so that refunding every unit of every line gives back
 * exactly the sale's grand total, never a cent more or less however the units are split.
 *
 * <p>The grand total (tax, service charge and rounding included) is shared among the lines in
 * proportion to their line totals, each line taking {@code floor(total * linesUpToHere / allLines)}
 * minus what the lines before it took. Within a line, units {@code r+1..r+k} (r already refunded)
 * give back {@code floor(share * (r+k) / q) - floor(share * r / q)} of its share for q units sold.
 * Example: 69,000 over one line of 2 lattes: the first refunded latte gives back 34,500, the
 * second 34,500; over 3 units of 10,000 it would be 3,333, 3,333 and 3,334.
 */
final class RefundShares {

    private RefundShares() {
    }

    /** Each line's share of {@code grandTotal}, in line order. */
    static long[] lineShares(List<SaleLine> lines, long grandTotal) {
        BigInteger all = BigInteger.ZERO;
        for (SaleLine line : lines) {
            all = all.add(BigInteger.valueOf(line.lineTotal()));
        }
        long[] shares = new long[lines.size()];
        BigInteger upToHere = BigInteger.ZERO;
        long givenSoFar = 0;
        for (int i = 0; i < lines.size(); i++) {
            upToHere = upToHere.add(BigInteger.valueOf(lines.get(i).lineTotal()));
            long cumulative = all.signum() == 0 ? 0 : floorPart(grandTotal, upToHere, all);
            shares[i] = cumulative - givenSoFar;
            givenSoFar = cumulative;
        }
        return shares;
    }

    /** The money for units {@code alreadyRefunded+1 .. alreadyRefunded+units} of a line of {@code sold} units. */
    static long forUnits(long lineShare, int sold, int alreadyRefunded, int units) {
        BigInteger q = BigInteger.valueOf(sold);
        return floorPart(lineShare, BigInteger.valueOf(alreadyRefunded + units), q)
                - floorPart(lineShare, BigInteger.valueOf(alreadyRefunded), q);
    }

    private static long floorPart(long amount, BigInteger numerator, BigInteger denominator) {
        return BigInteger.valueOf(amount).multiply(numerator).divide(denominator).longValueExact();
    }
}
