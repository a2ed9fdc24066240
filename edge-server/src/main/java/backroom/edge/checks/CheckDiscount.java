package backroom.edge.checks;

import backroom.edge.sales.SaleLine;
import java.util.ArrayList;
import java.util.List;

/**
 * A discount on a whole check: a fixed amount or a percentage (in basis points) of its lines'
 * total, taken before tax. It is spread over the lines in proportion to their totals by
 * {@link PartShares} (leftover units to the first lines), so each tax rate is worked out on what its
 * lines come to after the discount, and a split by item pays each line's share of it. A fixed
 * amount larger than the lines takes them to nothing, never below; a percentage keeps applying to
 * the rounds that follow it, an amount stays the amount.
 */
record CheckDiscount(Long amount, Integer percentBp) {

    static final CheckDiscount NONE = new CheckDiscount(null, null);
    private static final long BASIS = 10_000;

    boolean isNone() {
        return amount == null && percentBp == null;
    }

    /** What the discount takes off lines that come to {@code subtotal}: half a unit and more rounds up. */
    long offOf(long subtotal) {
        if (amount != null) {
            return Math.min(amount, subtotal);
        }
        if (percentBp != null) {
            return Math.addExact(Math.multiplyExact(subtotal, percentBp), BASIS / 2) / BASIS;
        }
        return 0;
    }

    /** The lines with the discount spread over them, each line's share added to its discount and taken from its total. */
    List<SaleLine> appliedTo(List<SaleLine> lines) {
        long[] totals = lines.stream().mapToLong(SaleLine::lineTotal).toArray();
        long subtotal = 0;
        for (long total : totals) {
            subtotal = Math.addExact(subtotal, total);
        }
        long off = offOf(subtotal);
        if (off == 0) {
            return lines;
        }
        long[] shares = PartShares.inProportion(off, totals);
        List<SaleLine> discounted = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            discounted.add(lines.get(i).discountedBy(shares[i]));
        }
        return discounted;
    }
}
