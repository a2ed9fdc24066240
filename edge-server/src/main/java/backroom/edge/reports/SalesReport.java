package backroom.edge.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A sales report: the period asked for and the same number of days just before it, each as rows of
 * the dimension asked for and their totals. Money is in minor units: {@code salesTotal} is what
 * the sales came to (grand totals; line totals before tax for a product or category; payments net
 * of change for a method), {@code refundsTotal} what was given back, {@code net} the one less the
 * other. Voided sales are not in it.
 */
record SalesReport(String by, String timeZone, String currency, Period period, Period previous) {

    /** One period's rows and what they add up to. */
    record Period(LocalDate from, LocalDate to, List<Row> rows, Row totals) {
    }

    /**
     * One day, hour of day, product, category, payment method or staff member: {@code salesCount}
     * counts sales (lines for a product or category, payments for a method), {@code quantity} units
     * sold and {@code refundsCount} refunds (units given back for a product or category).
     */
    record Row(String key, String label, long salesCount, long quantity, long salesTotal, long refundsCount, long refundsTotal,
               long net) {

        static Row of(String key, String label, Bucket sums) {
            return new Row(key, label, sums.salesCount(), sums.quantity(), sums.amount(), sums.refundsCount(), sums.refundsAmount(),
                    sums.amount() - sums.refundsAmount());
        }
    }
}
