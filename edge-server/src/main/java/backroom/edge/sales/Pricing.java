package backroom.edge.sales;

import backroom.edge.catalog.StoreSettings;
import backroom.edge.catalog.TaxRate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Works out a sale's totals from its priced lines, in {@code long} minor units only.
 *
 * <p>Tax is computed per tax rate over the sum of that rate's lines (not per line, which would
 * round many times), half up. An exclusive rate adds {@code base * rate}; an inclusive rate takes
 * {@code base * rate / (1 + rate)} out of prices that already hold it. The service charge is a
 * share of the subtotal net of inclusive tax. The grand total is then rounded to the store's
 * increment. Overflow throws {@link ArithmeticException}, never wraps.
 */
final class Pricing {

    private static final long BASIS = 10_000;

    private Pricing() {
    }

    static Totals total(List<SaleLine> lines, Map<String, TaxRate> taxes, StoreSettings settings) {
        Map<String, Long> baseByTax = new TreeMap<>();
        long subtotal = 0;
        for (SaleLine line : lines) {
            subtotal = Math.addExact(subtotal, line.lineTotal());
            if (line.taxId() != null) {
                baseByTax.merge(line.taxId(), line.lineTotal(), Math::addExact);
            }
        }
        long addedTax = 0;
        long includedTax = 0;
        Map<String, Long> taxByRate = new TreeMap<>();
        for (Map.Entry<String, Long> entry : baseByTax.entrySet()) {
            TaxRate rate = taxes.get(entry.getKey());
            long tax;
            if (rate.inclusive()) {
                tax = divideHalfUp(Math.multiplyExact(entry.getValue(), rate.rateBp()), BASIS + rate.rateBp());
                includedTax = Math.addExact(includedTax, tax);
            } else {
                tax = divideHalfUp(Math.multiplyExact(entry.getValue(), rate.rateBp()), BASIS);
                addedTax = Math.addExact(addedTax, tax);
            }
            taxByRate.put(entry.getKey(), tax);
        }
        long serviceCharge = divideHalfUp(Math.multiplyExact(subtotal - includedTax, settings.serviceChargeBp()), BASIS);
        long beforeRounding = Math.addExact(Math.addExact(subtotal, addedTax), serviceCharge);
        long grandTotal = roundTo(beforeRounding, settings.roundingIncrement(), settings.roundingMode());
        return new Totals(subtotal, Math.addExact(addedTax, includedTax), addedTax, serviceCharge,
                grandTotal - beforeRounding, grandTotal, Collections.unmodifiableMap(taxByRate));
    }

    /** {@code amount / divisor}, halves away from zero; amount >= 0, divisor > 0. */
    static long divideHalfUp(long amount, long divisor) {
        return Math.addExact(amount, divisor / 2) / divisor;
    }

    static long roundTo(long amount, long increment, StoreSettings.RoundingRule rule) {
        if (increment <= 1) {
            return amount;
        }
        long below = amount - amount % increment;
        long remainder = amount - below;
        return switch (rule) {
            case DOWN -> below;
            case UP -> remainder == 0 ? amount : Math.addExact(below, increment);
            case HALF_UP -> remainder * 2 >= increment ? Math.addExact(below, increment) : below;
        };
    }
}
