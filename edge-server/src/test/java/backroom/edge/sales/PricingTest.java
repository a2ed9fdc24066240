package backroom.edge.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.catalog.StoreSettings;
import backroom.edge.catalog.StoreSettings.RoundingRule;
import backroom.edge.catalog.TaxRate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

    static final TaxRate ADDED_10 = new TaxRate("add10", "10%", 1000, false);
    static final TaxRate INCLUDED_11 = new TaxRate("inc11", "11% incl", 1100, true);
    static final Map<String, TaxRate> TAXES = Map.of("add10", ADDED_10, "inc11", INCLUDED_11);

    static StoreSettings settings(int serviceBp, long increment, RoundingRule rule) {
        return new StoreSettings("s", "S", "IDR", serviceBp, increment, rule, StoreSettings.KDS_AMBER_SECONDS, StoreSettings.KDS_RED_SECONDS);
    }

    static SaleLine line(long unit, int quantity, long discount, String taxId) {
        return new SaleLine(1, "p", "P", null, List.of(), quantity, unit, discount, unit * quantity - discount, taxId, null);
    }

    @Test
    void addedTaxAndServiceChargeOnTheSubtotal() {
        Totals totals = Pricing.total(List.of(line(30_000, 2, 0, "add10")), TAXES, settings(500, 100, RoundingRule.HALF_UP));

        assertThat(totals).isEqualTo(new Totals(60_000, 6_000, 6_000, 3_000, 0, 69_000, Map.of("add10", 6_000L)));
    }

    @Test
    void includedTaxIsTakenOutOfThePriceAndNotAdded() {
        Totals totals = Pricing.total(List.of(line(111_000, 1, 0, "inc11")), TAXES, settings(0, 1, RoundingRule.HALF_UP));

        assertThat(totals.taxTotal()).isEqualTo(11_000);
        assertThat(totals.grandTotal()).isEqualTo(111_000);
    }

    @Test
    void serviceChargeIsOnTheSubtotalNetOfIncludedTax() {
        Totals totals = Pricing.total(List.of(line(111_000, 1, 0, "inc11")), TAXES, settings(1000, 1, RoundingRule.HALF_UP));

        assertThat(totals.serviceCharge()).isEqualTo(10_000);
        assertThat(totals.grandTotal()).isEqualTo(121_000);
    }

    @Test
    void taxIsRoundedOncePerRateNotPerLine() {
        List<SaleLine> lines = List.of(line(5, 1, 0, "add10"), line(5, 1, 0, "add10"), line(5, 1, 0, "add10"));

        assertThat(Pricing.total(lines, TAXES, settings(0, 1, RoundingRule.HALF_UP)).taxTotal()).isEqualTo(2);
    }

    @Test
    void aLineDiscountLowersTheTaxBase() {
        Totals totals = Pricing.total(List.of(line(30_000, 2, 10_000, "add10")), TAXES, settings(0, 1, RoundingRule.HALF_UP));

        assertThat(totals.subtotal()).isEqualTo(50_000);
        assertThat(totals.taxTotal()).isEqualTo(5_000);
    }

    @Test
    void theGrandTotalIsRoundedByTheStoreRule() {
        assertThat(Pricing.roundTo(37_950, 100, RoundingRule.HALF_UP)).isEqualTo(38_000);
        assertThat(Pricing.roundTo(37_949, 100, RoundingRule.HALF_UP)).isEqualTo(37_900);
        assertThat(Pricing.roundTo(37_950, 100, RoundingRule.DOWN)).isEqualTo(37_900);
        assertThat(Pricing.roundTo(37_901, 100, RoundingRule.UP)).isEqualTo(38_000);
        assertThat(Pricing.roundTo(37_900, 100, RoundingRule.UP)).isEqualTo(37_900);
        assertThat(Pricing.roundTo(37_951, 1, RoundingRule.UP)).isEqualTo(37_951);
        Totals totals = Pricing.total(List.of(line(33_000, 1, 0, "add10")), TAXES, settings(500, 100, RoundingRule.HALF_UP));
        assertThat(totals.rounding()).isEqualTo(50);
        assertThat(totals.grandTotal()).isEqualTo(38_000);
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        SaleLine huge = new SaleLine(1, "p", "P", null, List.of(), 1, Long.MAX_VALUE / 2, 0, Long.MAX_VALUE / 2, "add10", null);

        assertThatThrownBy(() -> Pricing.total(List.of(huge, huge, huge), TAXES, settings(0, 1, RoundingRule.HALF_UP)))
                .isInstanceOf(ArithmeticException.class);
    }
}
