package backroom.edge.sales;

import backroom.edge.web.Problem;
import java.util.List;

/**
 * The payments against a total: together they must cover it, and only cash may exceed it,
 * because change is handed back in cash. Tips are on top of the payments and out of this sum.
 */
record Tender(List<Sale.PaymentLine> payments, long paid, long change) {

    static Tender settle(List<SaleRequest.Payment> requested, long grandTotal) {
        long paid = 0;
        long cash = 0;
        for (SaleRequest.Payment payment : requested) {
            paid = Math.addExact(paid, payment.amount());
            if (payment.method().equals("cash")) {
                cash = Math.addExact(cash, payment.amount());
            }
        }
        if (paid < grandTotal) {
            throw Problem.invalid("payments", "payments of " + paid + " are short of the total " + grandTotal + " by " + (grandTotal - paid));
        }
        long change = paid - grandTotal;
        if (change > cash) {
            throw Problem.invalid("payments", "only cash can be overpaid: non-cash payments exceed the total by " + (change - cash));
        }
        List<Sale.PaymentLine> lines = requested.stream()
                .map(p -> new Sale.PaymentLine(p.method(), p.amount(), p.reference(), p.tipOrZero()))
                .toList();
        return new Tender(lines, paid, change);
    }

    /** Whether any of it is cash: the drawer opens for the cash and the change. */
    boolean paidInCash() {
        return payments.stream().anyMatch(payment -> payment.method().equals("cash"));
    }
}
