package backroom.edge.checks;

import backroom.edge.access.Actor;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.kitchen.TableHolds;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.printing.PrintQueue;
import backroom.edge.sales.LaterPayments;
import backroom.edge.sales.SaleRequest;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Orders that arrive from a room above this one (a guest ordering at the table) put on a check in
 * the caller's ledger write, as a round a waiter would add: its lines priced from the catalog, its
 * stock and ingredients taken, and its kitchen ticket sent.
 */
public final class TableOrders {

    private final CheckWrites checks;
    private final CheckPayments payments;

    public TableOrders(CurrentPriceList prices, LaterPayments sales, PrintQueue printing) {
        this.checks = new CheckWrites(prices, printing);
        this.payments = new CheckPayments(prices, sales);
    }

    /** The items as a round of the table's open check, opened under {@code newCheckId} when the table has none. */
    public Check addToTable(Handle handle, LedgerAppender ledger, String tableId, String newCheckId, List<SaleRequest.Item> items, Actor by) {
        String checkId = TableHolds.holderOf(handle, tableId)
                .orElseGet(() -> checks.open(handle, ledger, newCheckId, new CheckRequests.Open(tableId, null, "dine_in", null), by).checkId());
        return checks.addRound(handle, ledger, checkId, new CheckRequests.Round(items), by);
    }

    /**
     * The items as a check of their own, named {@code name} (a tab: the table may have a check
     * already), sent to the kitchen and paid whole as one sale, in one write.
     */
    public PaidPart ringAndPay(Handle handle, LedgerAppender ledger, String newCheckId, String name, List<SaleRequest.Item> items,
                                            String saleId, String registerId, String shiftId, List<SaleRequest.Payment> paid, Actor by) {
        checks.open(handle, ledger, newCheckId, new CheckRequests.Open(null, name, "dine_in", null), by);
        checks.addRound(handle, ledger, newCheckId, new CheckRequests.Round(items), by);
        return payments.pay(handle, ledger, newCheckId, saleId, new CheckRequests.Pay(registerId, shiftId, null, paid), by);
    }
}
