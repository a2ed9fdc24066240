package backroom.edge.checks;

import backroom.edge.sales.Totals;
import java.util.Map;
import java.util.TreeMap;

/** What a check's lines come to, as its entries record it after each change. */
record CheckTotals(long subtotal, long taxTotal, long addedTax, long serviceCharge, long rounding, long grandTotal,
                   Map<String, Long> taxByRate) {

    static CheckTotals of(Totals totals) {
        return new CheckTotals(totals.subtotal(), totals.taxTotal(), totals.addedTax(), totals.serviceCharge(), totals.rounding(),
                totals.grandTotal(), new TreeMap<>(totals.taxByRate()));
    }

    Totals totals() {
        return new Totals(subtotal, taxTotal, addedTax, serviceCharge, rounding, grandTotal, taxByRate);
    }
}
