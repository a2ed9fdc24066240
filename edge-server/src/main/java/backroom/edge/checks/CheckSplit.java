package backroom.edge.checks;

import backroom.edge.sales.Totals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A check's totals taken apart into parts that each pay, in minor units: the parts' subtotals,
 * each tax rate's tax, service charges, roundings and grand totals each add up exactly to the
 * check's, every leftover unit placed by {@link PartShares}' rule (to the first parts).
 *
 * <p>By item, a part's subtotal is its own lines' totals; each rate's tax is shared in proportion
 * to the part's lines under that rate, the service charge to its subtotal net of included tax, the
 * rounding to its total before rounding. Equally and by amount, the grand totals are given (n
 * equal shares; or the amounts, which must add up to the check's); each rate's tax, the service
 * charge and the rounding are shared in proportion to them, and a part's subtotal is what is left.
 */
final class CheckSplit {

    private CheckSplit() {
    }

    /** Lines to parts: {@code partOfLine.get(i)} is the part (0 to parts - 1) that pays line i. */
    static List<PartTotals> byItems(List<CheckLine> lines, List<Integer> partOfLine, int parts, Totals check, Set<String> inclusiveTaxes) {
        if (partOfLine.size() != lines.size()) {
            throw new IllegalArgumentException("each of the " + lines.size() + " lines needs a part, not " + partOfLine.size());
        }
        long[] subtotals = new long[parts];
        Map<String, long[]> basesByRate = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int part = partOfLine.get(i);
            if (part < 0 || part >= parts) {
                throw new IllegalArgumentException("line " + i + " goes to part " + part + ", not one of 0 to " + (parts - 1));
            }
            CheckLine line = lines.get(i);
            subtotals[part] = Math.addExact(subtotals[part], line.lineTotal());
            if (line.taxId() != null) {
                basesByRate.computeIfAbsent(line.taxId(), rate -> new long[parts])[part] += line.lineTotal();
            }
        }
        Map<String, long[]> taxByRate = new TreeMap<>();
        check.taxByRate().forEach((rate, tax) -> taxByRate.put(rate, shares(tax, basesByRate.getOrDefault(rate, new long[parts]))));
        long[] included = sumOver(taxByRate, inclusiveTaxes, true, parts);
        long[] added = sumOver(taxByRate, inclusiveTaxes, false, parts);
        long[] serviceCharges = shares(check.serviceCharge(), minus(subtotals, included));
        long[] beforeRounding = new long[parts];
        for (int p = 0; p < parts; p++) {
            beforeRounding[p] = subtotals[p] + added[p] + serviceCharges[p];
        }
        long[] roundings = shares(check.rounding(), beforeRounding);
        List<PartTotals> split = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            split.add(part(p, subtotals[p], taxByRate, serviceCharges[p], roundings[p], beforeRounding[p] + roundings[p]));
        }
        return List.copyOf(split);
    }

    /** {@code parts} equal parts of the check's grand total. */
    static List<PartTotals> equally(int parts, Totals check, Set<String> inclusiveTaxes) {
        return byGrandTotals(PartShares.equally(check.grandTotal(), parts), check, inclusiveTaxes);
    }

    /** Parts of the amounts given, which must add up to the check's grand total. */
    static List<PartTotals> byAmounts(long[] amounts, Totals check, Set<String> inclusiveTaxes) {
        long sum = 0;
        for (long amount : amounts) {
            if (amount < 0) {
                throw new IllegalArgumentException("a part cannot pay a negative amount: " + amount);
            }
            sum = Math.addExact(sum, amount);
        }
        if (sum != check.grandTotal()) {
            throw new IllegalArgumentException("the parts add up to " + sum + ", not the check's " + check.grandTotal());
        }
        return byGrandTotals(amounts.clone(), check, inclusiveTaxes);
    }

    private static List<PartTotals> byGrandTotals(long[] grandTotals, Totals check, Set<String> inclusiveTaxes) {
        int parts = grandTotals.length;
        Map<String, long[]> taxByRate = new TreeMap<>();
        check.taxByRate().forEach((rate, tax) -> taxByRate.put(rate, shares(tax, grandTotals)));
        long[] added = sumOver(taxByRate, inclusiveTaxes, false, parts);
        long[] serviceCharges = shares(check.serviceCharge(), grandTotals);
        long[] roundings = shares(check.rounding(), grandTotals);
        List<PartTotals> split = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            long subtotal = grandTotals[p] - added[p] - serviceCharges[p] - roundings[p];
            split.add(part(p, subtotal, taxByRate, serviceCharges[p], roundings[p], grandTotals[p]));
        }
        return List.copyOf(split);
    }

    /** {@code amount} in proportion to {@code weights}; equally when every weight is 0 (a check of nothing but free items). */
    private static long[] shares(long amount, long[] weights) {
        boolean anyWeight = Arrays.stream(weights).anyMatch(weight -> weight > 0);
        return anyWeight ? PartShares.inProportion(amount, weights) : PartShares.equally(amount, weights.length);
    }

    private static long[] sumOver(Map<String, long[]> taxByRate, Set<String> inclusiveTaxes, boolean inclusive, int parts) {
        long[] sum = new long[parts];
        taxByRate.forEach((rate, shares) -> {
            if (inclusiveTaxes.contains(rate) == inclusive) {
                for (int p = 0; p < parts; p++) {
                    sum[p] += shares[p];
                }
            }
        });
        return sum;
    }

    private static long[] minus(long[] from, long[] taken) {
        long[] left = new long[from.length];
        for (int p = 0; p < from.length; p++) {
            left[p] = Math.max(0, from[p] - taken[p]);
        }
        return left;
    }

    private static PartTotals part(int p, long subtotal, Map<String, long[]> taxByRate, long serviceCharge, long rounding, long grandTotal) {
        Map<String, Long> taxes = new TreeMap<>();
        long taxTotal = 0;
        for (Map.Entry<String, long[]> rate : taxByRate.entrySet()) {
            taxes.put(rate.getKey(), rate.getValue()[p]);
            taxTotal += rate.getValue()[p];
        }
        return new PartTotals(subtotal, taxTotal, serviceCharge, rounding, grandTotal, Collections.unmodifiableMap(taxes));
    }

    /** A check's line as a split sees it: its total, and the tax rate it is under (null for none). */
    record CheckLine(long lineTotal, String taxId) {
    }

    /** What one part pays, and what of the check's subtotal, tax, service charge and rounding that holds. */
    record PartTotals(long subtotal, long taxTotal, long serviceCharge, long rounding, long grandTotal, Map<String, Long> taxByRate) {
    }
}
