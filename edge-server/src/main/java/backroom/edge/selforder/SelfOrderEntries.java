package backroom.edge.selforder;

import backroom.edge.access.Actor;
import backroom.edge.sales.SaleLine;
import java.time.Instant;
import java.util.List;

/** The ledger entries of ordering from the table, and what each carries. */
final class SelfOrderEntries {

    static final String TABLE_SET = "self_order.table_set";
    static final String ALLERGENS_SET = "menu.allergens_set";
    static final String PLACED = "self_order.placed";
    static final String PAID = "self_order.paid";

    static final String WAITING = "waiting";
    static final String SENT = "sent";
    static final String PAID_STATUS = "paid";

    private SelfOrderEntries() {
    }

    /** A table taking guests' orders: its code's version (a new one voids the old code) and whether it pays later. */
    record TableSet(String tableId, int version, boolean payLater, Actor by) {
    }

    record AllergensSet(String productId, List<String> allergens, Actor by) {
    }

    /**
     * A guest's order: its number (one more than the store's last), its lines as priced from the
     * catalog, its total, and whether it went to the kitchen on the table's check ({@code sent}) or
     * waits for the till ({@code waiting}).
     */
    record Placed(String orderId, int orderNo, String tableId, String status, List<SaleLine> lines, long total, String checkId,
                  Instant placedAt) {
    }

    /** A waiting order rung at the till: the check it was put on and the sale that paid it. */
    record Paid(String orderId, String checkId, String saleId, Actor by) {
    }
}
