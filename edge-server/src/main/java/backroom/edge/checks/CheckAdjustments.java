package backroom.edge.checks;

import backroom.edge.access.Actor;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.catalog.PriceList;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.sales.SaleLine;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Changes to what an open check costs, each one write with its entry: a discount on the whole
 * check, a fixed amount or a percentage, which a cashier may give up to {@link #CASHIER_LIMIT_BP}
 * of its lines' total and a supervisor beyond; a line's price set by a supervisor. Either undoes a
 * split not yet paid into; a partly paid check takes neither.
 */
final class CheckAdjustments {

    /** The most of a check's lines' total a cashier may take off: 10%. */
    static final int CASHIER_LIMIT_BP = 1_000;
    private static final long BASIS = 10_000;

    private final CurrentPriceList prices;

    CheckAdjustments(CurrentPriceList prices) {
        this.prices = prices;
    }

    /**
     * Sets the check's discount ({@link CheckDiscount#NONE} takes it off); one over the cashier's
     * limit needs {@code overLimit}, else a 403 naming the field that asked for it.
     */
    Check discount(Handle handle, LedgerAppender ledger, String checkId, CheckDiscount discount, String reason, boolean overLimit,
                   Actor by) {
        Check check = CheckWrites.requireTakingItems(handle, checkId, "checkId");
        long before = check.lines().stream().mapToLong(SaleLine::lineTotal).sum();
        long off = discount.offOf(before);
        if (!overLimit && off * BASIS > before * CASHIER_LIMIT_BP) {
            String field = discount.amount() != null ? "amount" : "percentBp";
            throw Problem.forbidden(field, "takes " + off + " off " + before + ", more than the " + CASHIER_LIMIT_BP / 100
                    + "% a cashier may give: a supervisor gives it");
        }
        CheckTotals totals = CheckWrites.totalsOf(check.lines(), discount, priceList(handle, ledger));
        CheckRows.discount(ledger.statements(), checkId, discount, reason, totals);
        ledger.append(CheckEntries.DISCOUNTED, new CheckEntries.Discounted(checkId, discount.amount(), discount.percentBp(),
                discount.isNone() ? null : reason, totals, by));
        return CheckWrites.find(handle, checkId);
    }

    /** Sets line {@code lineNo}'s unit price; its own discount stays, and a price that leaves the line below nothing is refused. */
    Check overridePrice(Handle handle, LedgerAppender ledger, String checkId, int lineNo, long unitPrice, String reason, Actor by) {
        Check check = CheckWrites.requireTakingItems(handle, checkId, "checkId");
        List<SaleLine> lines = new ArrayList<>(check.lines());
        int index = indexOf(lines, lineNo);
        SaleLine line = lines.get(index);
        long lineTotal = Math.subtractExact(Math.multiplyExact(unitPrice, line.quantity()), line.discount());
        if (lineTotal < 0) {
            throw Problem.invalid("unitPrice", "leaves line " + lineNo + " below nothing after its discount of " + line.discount());
        }
        lines.set(index, line.priced(unitPrice, lineTotal));
        CheckTotals totals = CheckWrites.totalsOf(lines, check.discount(), priceList(handle, ledger));
        CheckRows.price(ledger.statements(), checkId, lineNo, unitPrice, lineTotal, totals);
        ledger.append(CheckEntries.PRICE_OVERRIDDEN, new CheckEntries.PriceOverridden(checkId, lineNo, unitPrice, lineTotal, reason,
                totals, by));
        return CheckWrites.find(handle, checkId);
    }

    private PriceList priceList(Handle handle, LedgerAppender ledger) {
        return prices.in(handle, ledger.statements());
    }

    private static int indexOf(List<SaleLine> lines, int lineNo) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineNo() == lineNo) {
                return i;
            }
        }
        throw Problem.notFound("line " + lineNo);
    }
}
