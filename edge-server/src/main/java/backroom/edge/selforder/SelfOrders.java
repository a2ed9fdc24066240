package backroom.edge.selforder;

import backroom.edge.access.Actor;
import backroom.edge.catalog.CatalogStore;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.catalog.PriceList;
import backroom.edge.checks.Check;
import backroom.edge.checks.PaidPart;
import backroom.edge.checks.TableOrders;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.sales.LaterPayments;
import backroom.edge.sales.SaleLine;
import backroom.edge.sales.SaleRequest;
import backroom.edge.web.Problem;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Ordering from the table, each change one write on the ledger writer with its entry. */
final class SelfOrders {

    private final CurrentPriceList prices;
    private final TableOrders checks;

    SelfOrders(CurrentPriceList prices, TableOrders checks) {
        this.prices = prices;
        this.checks = checks;
    }

    /** The table taking guests' orders, paying later or not; a new code version when asked (the old QR code stops working). */
    SelfOrderRows.OrderingTable setTable(LedgerAppender ledger, String tableId, boolean payLater, boolean newCode, Actor by) {
        SelfOrderRows.OrderingTable held = SelfOrderRows.table(ledger.statements(), tableId).orElse(null);
        int version = held == null ? 1 : held.version() + (newCode ? 1 : 0);
        if (held != null && held.version() == version && held.payLater() == payLater) {
            return held;
        }
        SelfOrderEntries.TableSet set = new SelfOrderEntries.TableSet(tableId, version, payLater, by);
        SelfOrderRows.setTable(ledger.statements(), set, ledger.nextSeq());
        ledger.append(SelfOrderEntries.TABLE_SET, set);
        return new SelfOrderRows.OrderingTable(tableId, version, payLater);
    }

    void setAllergens(Handle handle, LedgerAppender ledger, SelfOrderEntries.AllergensSet set) {
        CatalogStore.product(handle, set.productId()).orElseThrow(() -> Problem.notFound("product " + set.productId()));
        SelfOrderRows.setAllergens(ledger.statements(), set, ledger.nextSeq());
        ledger.append(SelfOrderEntries.ALLERGENS_SET, set);
    }

    /**
     * A guest's order, priced from the catalog: on a table that pays later, a round of its open
     * check (opened when it has none) sent to the kitchen in the same write; else waiting for the till.
     */
    SelfOrderEntries.Placed place(Handle handle, LedgerAppender ledger, GuestCodes.Session session, String orderId, String newCheckId,
                                  List<SaleRequest.Item> items) {
        SelfOrderRows.OrderingTable table = SelfOrderRows.table(ledger.statements(), session.tableId())
                .filter(held -> held.version() == session.version())
                .orElseThrow(() -> GuestRequests.unauthorized("this table's code has changed: scan the table's code again"));
        PriceList priceList = prices.in(handle, ledger.statements());
        List<SaleLine> lines = LaterPayments.price(priceList, items, 1).lines();
        long total = LaterPayments.total(lines, priceList).grandTotal();
        String checkId = null;
        if (table.payLater()) {
            Actor guest = new Actor(null, "Guest at table " + table.tableId(), null, null, "self-order");
            Check check = checks.addToTable(handle, ledger, table.tableId(), newCheckId, items, guest);
            checkId = check.checkId();
        }
        SelfOrderEntries.Placed placed = new SelfOrderEntries.Placed(orderId, SelfOrderRows.nextOrderNo(ledger.statements()),
                table.tableId(), table.payLater() ? SelfOrderEntries.SENT : SelfOrderEntries.WAITING, lines, total, checkId, ledger.now());
        SelfOrderRows.place(ledger.statements(), placed, ledger.nextSeq());
        ledger.append(SelfOrderEntries.PLACED, placed);
        return placed;
    }

    /** A waiting order rung at the till: a check of its own sent to the kitchen and paid whole, in one write. */
    PaidPart ring(Handle handle, LedgerAppender ledger, SelfOrderEntries.Placed order, String checkId, String saleId,
                                GuestRequests.Pay pay, Actor by) {
        if (!order.status().equals(SelfOrderEntries.WAITING)) {
            throw Problem.conflict("orderId", "order " + order.orderNo() + " is " + order.status() + ", not waiting for the till");
        }
        List<SaleRequest.Item> items = order.lines().stream()
                .map(line -> new SaleRequest.Item(line.productId(), line.variantId(), line.quantity(), line.modifierIds(), line.notes(), null))
                .toList();
        PaidPart paid = checks.ringAndPay(handle, ledger, checkId, "Table " + order.tableId() + " order " + order.orderNo(),
                items, saleId, pay.registerId(), pay.shiftId(), pay.payments(), by);
        SelfOrderEntries.Paid entry = new SelfOrderEntries.Paid(order.orderId(), checkId, paid.saleId(), by);
        SelfOrderRows.paid(ledger.statements(), entry);
        ledger.append(SelfOrderEntries.PAID, entry);
        return paid;
    }
}
