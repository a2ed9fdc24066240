package backroom.edge.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.checks.CheckSplit.CheckLine;
import backroom.edge.checks.CheckSplit.PartTotals;
import backroom.edge.sales.Totals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class CheckSplitTest {

    private static final Set<String> NONE_INCLUSIVE = Set.of();

    @Test
    void aHundredThousandThreeWaysIs33334AndTwice33333WithTheTaxSharedToTheUnit() {
        Totals check = new Totals(90_910, 9_090, 9_090, 0, 0, 100_000, Map.of("vat", 9_090L));

        List<PartTotals> parts = CheckSplit.equally(3, check, NONE_INCLUSIVE);

        assertThat(parts).extracting(PartTotals::grandTotal).containsExactly(33_334L, 33_333L, 33_333L);
        // 9,090 in proportion 33,334 : 33,333 : 33,333 is 3,030.06, 3,029.97 and 3,029.97: 3,030 and twice 3,029 whole,
        // the two units left over to the first two parts.
        assertThat(parts).extracting(PartTotals::taxTotal).containsExactly(3_031L, 3_030L, 3_029L);
        assertThat(parts).extracting(PartTotals::subtotal).containsExactly(30_303L, 30_303L, 30_304L);
        assertAddsUpTo(check, parts, NONE_INCLUSIVE);
    }

    @Test
    void aTenPercentTaxOnOneLineSplitSevenWaysByItemStaysWithThatLinesPart() {
        List<CheckLine> lines = List.of(new CheckLine(12_345, "vat10"), new CheckLine(6_789, null), new CheckLine(1_001, null),
                new CheckLine(999, null), new CheckLine(500, null), new CheckLine(333, null), new CheckLine(7, null));
        long subtotal = lines.stream().mapToLong(CheckLine::lineTotal).sum();
        long tax = 1_235;
        long service = 1_098;
        Totals check = new Totals(subtotal, tax, tax, service, -2, subtotal + tax + service - 2, Map.of("vat10", tax));

        List<PartTotals> parts = CheckSplit.byItems(lines, List.of(0, 1, 2, 3, 4, 5, 6), 7, check, NONE_INCLUSIVE);

        assertThat(parts).extracting(PartTotals::subtotal).containsExactly(12_345L, 6_789L, 1_001L, 999L, 500L, 333L, 7L);
        assertThat(parts).extracting(PartTotals::taxTotal).containsExactly(1_235L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertAddsUpTo(check, parts, NONE_INCLUSIVE);
    }

    @Test
    void aTenPercentTaxSplitSevenWaysEquallyGivesItsSixLeftoverUnitsToTheFirstSixParts() {
        Totals check = new Totals(10_000, 1_000, 1_000, 0, 0, 11_000, Map.of("vat10", 1_000L));

        List<PartTotals> parts = CheckSplit.equally(7, check, NONE_INCLUSIVE);

        // 11,000 / 7 = 1,571.43: 1,571 each and three leftover units; the tax 1,000 in those proportions: 142 or 143.
        assertThat(parts).extracting(PartTotals::grandTotal).containsExactly(1_572L, 1_572L, 1_572L, 1_571L, 1_571L, 1_571L, 1_571L);
        assertThat(parts).extracting(PartTotals::taxTotal).containsExactly(143L, 143L, 143L, 143L, 143L, 143L, 142L);
        assertAddsUpTo(check, parts, NONE_INCLUSIVE);
    }

    @Test
    void byAmountThePartsPayWhatTheyAreGivenWhenItAddsUpToTheCheck() {
        Totals check = new Totals(63_000, 6_300, 6_300, 0, -300, 69_000, Map.of("vat", 6_300L));

        List<PartTotals> parts = CheckSplit.byAmounts(new long[] {50_000, 19_000}, check, NONE_INCLUSIVE);

        assertThat(parts).extracting(PartTotals::grandTotal).containsExactly(50_000L, 19_000L);
        assertAddsUpTo(check, parts, NONE_INCLUSIVE);
        assertThatThrownBy(() -> CheckSplit.byAmounts(new long[] {50_000, 18_999}, check, NONE_INCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("68999").hasMessageContaining("69000");
        assertThatThrownBy(() -> CheckSplit.byAmounts(new long[] {70_000, -1_000}, check, NONE_INCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1000");
        List<PartTotals> nothingForOne = CheckSplit.byAmounts(new long[] {69_000, 0}, check, NONE_INCLUSIVE);
        assertThat(nothingForOne.get(1).grandTotal()).as("a part of nothing is a part").isZero();
        assertThat(nothingForOne.get(1).taxTotal()).isZero();
        assertAddsUpTo(check, nothingForOne, NONE_INCLUSIVE);
    }

    @Test
    void byItemTheServiceChargeFollowsEachPartsSubtotalNetOfIncludedTax() {
        // 11,000 with 1,000 of tax included, and 10,000 untaxed: the charge of 2,000 was worked out on 20,000 net.
        List<CheckLine> lines = List.of(new CheckLine(11_000, "incl10"), new CheckLine(10_000, null));
        Totals check = new Totals(21_000, 1_000, 0, 2_000, 0, 23_000, Map.of("incl10", 1_000L));

        List<PartTotals> parts = CheckSplit.byItems(lines, List.of(0, 1), 2, check, Set.of("incl10"));

        assertThat(parts).extracting(PartTotals::serviceCharge).containsExactly(1_000L, 1_000L);
        assertThat(parts).extracting(PartTotals::grandTotal).containsExactly(12_000L, 11_000L);
        assertAddsUpTo(check, parts, Set.of("incl10"));
    }

    @Test
    void aCheckOfNothingButFreeItemsSplitsIntoPartsOfNothing() {
        List<CheckLine> lines = List.of(new CheckLine(0, null), new CheckLine(0, null));
        Totals check = new Totals(0, 0, 0, 0, 0, 0, Map.of());

        assertThat(CheckSplit.byItems(lines, List.of(0, 1), 2, check, NONE_INCLUSIVE)).extracting(PartTotals::grandTotal)
                .containsExactly(0L, 0L);
        assertThat(CheckSplit.equally(3, check, NONE_INCLUSIVE)).extracting(PartTotals::grandTotal).containsExactly(0L, 0L, 0L);
    }

    @Test
    void byItemEveryLineNeedsOneOfTheParts() {
        List<CheckLine> lines = List.of(new CheckLine(100, null), new CheckLine(200, null));
        Totals check = new Totals(300, 0, 0, 0, 0, 300, Map.of());

        assertThatThrownBy(() -> CheckSplit.byItems(lines, List.of(0), 2, check, NONE_INCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckSplit.byItems(lines, List.of(0, 2), 2, check, NONE_INCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("part 2");
    }

    @Test
    void forManyRandomChecksAndSplitsEveryPartOfTheMoneyAddsUpExactly() {
        Random random = new Random(1919);
        for (int round = 0; round < 5_000; round++) {
            RandomCheck drawn = RandomCheck.draw(random);
            int parts = 1 + random.nextInt(Math.min(9, drawn.lines().size()));
            List<PartTotals> split;
            String how;
            switch (random.nextInt(3)) {
                case 0 -> {
                    List<Integer> partOfLine = new ArrayList<>();
                    for (int i = 0; i < drawn.lines().size(); i++) {
                        partOfLine.add(i < parts ? i : random.nextInt(parts));
                    }
                    split = CheckSplit.byItems(drawn.lines(), partOfLine, parts, drawn.totals(), drawn.inclusive());
                    how = "by item " + partOfLine;
                    for (int p = 0; p < parts; p++) {
                        long own = 0;
                        for (int i = 0; i < partOfLine.size(); i++) {
                            own += partOfLine.get(i) == p ? drawn.lines().get(i).lineTotal() : 0;
                        }
                        assertThat(split.get(p).subtotal()).as("part %d's own lines, %s of %s", p, how, drawn).isEqualTo(own);
                    }
                }
                case 1 -> {
                    split = CheckSplit.equally(parts, drawn.totals(), drawn.inclusive());
                    how = parts + " ways";
                    for (int p = 1; p < parts; p++) {
                        long difference = split.get(p - 1).grandTotal() - split.get(p).grandTotal();
                        assertThat(difference).as("%s of %s: equal, the leftover units first", how, drawn).isBetween(0L, 1L);
                    }
                }
                default -> {
                    long[] amounts = PartShares.inProportion(drawn.totals().grandTotal(), random.longs(parts, 1, 1_000).toArray());
                    split = CheckSplit.byAmounts(amounts, drawn.totals(), drawn.inclusive());
                    how = "by amounts";
                    for (int p = 0; p < parts; p++) {
                        assertThat(split.get(p).grandTotal()).isEqualTo(amounts[p]);
                    }
                }
            }
            assertThat(split).as("%s of %s", how, drawn).hasSize(parts);
            assertAddsUpTo(drawn.totals(), split, drawn.inclusive());
        }
    }

    /** Every figure of the parts adds up to the check's, and each part's grand total is its own figures added up. */
    private static void assertAddsUpTo(Totals check, List<PartTotals> parts, Set<String> inclusive) {
        assertThat(sum(parts, PartTotals::subtotal)).as("subtotals").isEqualTo(check.subtotal());
        assertThat(sum(parts, PartTotals::taxTotal)).as("tax").isEqualTo(check.taxTotal());
        assertThat(sum(parts, PartTotals::serviceCharge)).as("service charges").isEqualTo(check.serviceCharge());
        assertThat(sum(parts, PartTotals::rounding)).as("roundings").isEqualTo(check.rounding());
        assertThat(sum(parts, PartTotals::grandTotal)).as("grand totals").isEqualTo(check.grandTotal());
        check.taxByRate().forEach((rate, tax) -> assertThat(sum(parts, part -> part.taxByRate().get(rate))).as("tax " + rate).isEqualTo(tax));
        for (PartTotals part : parts) {
            long added = part.taxByRate().entrySet().stream().filter(rate -> !inclusive.contains(rate.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(part.grandTotal()).as("%s: subtotal, added tax, service charge and rounding", part)
                    .isEqualTo(part.subtotal() + added + part.serviceCharge() + part.rounding());
            assertThat(part.grandTotal()).as("%s", part).isNotNegative();
        }
    }

    private static long sum(List<PartTotals> parts, ToLongFunction<PartTotals> figure) {
        return parts.stream().mapToLong(figure).sum();
    }

    /** A check of random lines under up to three rates (some inclusive), its tax, service charge and rounding consistent. */
    private record RandomCheck(List<CheckLine> lines, Totals totals, Set<String> inclusive) {

        static RandomCheck draw(Random random) {
            List<String> rates = List.of("vat", "food", "incl");
            Set<String> inclusive = Set.of("incl");
            List<CheckLine> lines = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                int rate = random.nextInt(rates.size() + 1);
                lines.add(new CheckLine(random.nextLong(0, 2_000_000), rate == rates.size() ? null : rates.get(rate)));
            }
            long subtotal = lines.stream().mapToLong(CheckLine::lineTotal).sum();
            Map<String, Long> taxByRate = new TreeMap<>();
            long added = 0;
            long included = 0;
            for (String rate : rates) {
                long base = lines.stream().filter(line -> rate.equals(line.taxId())).mapToLong(CheckLine::lineTotal).sum();
                if (base > 0) {
                    long tax = base * (1 + random.nextInt(25)) / 100;
                    taxByRate.put(rate, tax);
                    added += inclusive.contains(rate) ? 0 : tax;
                    included += inclusive.contains(rate) ? tax : 0;
                }
            }
            long service = (subtotal - included) * random.nextInt(15) / 100;
            long beforeRounding = subtotal + added + service;
            long rounding = beforeRounding == 0 ? 0 : -(beforeRounding % 100) + (random.nextBoolean() ? 100 : 0);
            Totals totals = new Totals(subtotal, added + included, added, service, rounding, beforeRounding + rounding, taxByRate);
            return new RandomCheck(List.copyOf(lines), totals, inclusive);
        }
    }
}
