package backroom.edge.sales;

import backroom.edge.catalog.PriceList;
import backroom.edge.kitchen.KitchenTicket;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the sales room offers a room that takes items now and payment later (an open check): the
 * sale's own rules and prices for the items it takes, and the payment rung as a sale of its own,
 * with its receipt number, inside the caller's ledger write. The items' stock and kitchen order
 * are the caller's to do when it takes them; the sale rung here does neither again.
 */
public final class LaterPayments {

    private final SaleWrites writes;

    LaterPayments(SaleWrites writes) {
        this.writes = writes;
    }

    /** What is wrong with the items as a sale's rules see it, each error naming its field under {@code items}. */
    public static List<FieldError> itemErrors(List<SaleRequest.Item> items) {
        List<FieldError> errors = new ArrayList<>();
        SaleRequestRules.checkItems(errors, items);
        return errors;
    }

    /** What is wrong with the payments as a sale's rules see them, each error naming its field under {@code payments}. */
    public static List<FieldError> paymentErrors(List<SaleRequest.Payment> payments) {
        List<FieldError> errors = new ArrayList<>();
        SaleRequestRules.checkPayments(errors, payments);
        return errors;
    }

    /**
     * The kitchen's ticket for lines taken under {@code ticketId} (a round), as a sale of them would
     * send it, but whose order does not hold its table: the caller holds it.
     */
    public static KitchenTicket kitchenTicket(String ticketId, String orderType, String tableId, List<SaleLine> lines, PriceList prices) {
        return KitchenTickets.of(ticketId, orderType, tableId, false, lines, prices);
    }

    /** The items priced as a sale prices them, numbered from {@code firstLineNo}; a 422 naming the item that does not price. */
    public static SaleLines price(PriceList prices, List<SaleRequest.Item> items, int firstLineNo) {
        try {
            return SaleLines.price(prices, items, firstLineNo);
        } catch (ArithmeticException overflow) {
            throw Problem.invalid("items", "the amounts are too large to add up");
        }
    }

    /** The totals of {@code lines} as a sale of them would come to. */
    public static Totals total(List<SaleLine> lines, PriceList prices) {
        try {
            return Pricing.total(lines, prices.taxes(), prices.settings());
        } catch (ArithmeticException overflow) {
            throw Problem.invalid("items", "the amounts are too large to add up");
        }
    }

    /** Rings {@code sale} in the caller's write: the register's open shift, the tender against its grand total, a receipt number. */
    public Sale ring(Handle handle, LedgerAppender ledger, SettledSale sale) {
        return writes.ringSettled(handle, ledger, sale);
    }
}
