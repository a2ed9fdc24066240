package backroom.edge.checks;

import backroom.edge.sales.Totals;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a check's lines come to, as its entries record it after each change: {@code discount} is
 * what the check's discount takes off its lines, and every other figure is after it.
 */
record CheckTotals(long subtotal, long taxTotal, long addedTax, long serviceCharge, long rounding, long grandTotal,
                   Map<String, Long> taxByRate, long discount) {

    static CheckTotals of(Totals totals, long discount) {
        return new CheckTotals(totals.subtotal(), totals.taxTotal(), totals.addedTax(), totals.serviceCharge(), totals.rounding(),
                totals.grandTotal(), new TreeMap<>(totals.taxByRate()), discount);
    }
}
