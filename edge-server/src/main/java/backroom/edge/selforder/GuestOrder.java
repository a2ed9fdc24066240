package backroom.edge.selforder;

import backroom.edge.sales.SaleLine;
import java.util.List;

/** An order as its guest sees it: its number, where it is, what is in it at the menu's prices, and its total. */
record GuestOrder(String orderId, int orderNo, String tableId, String status, List<Line> lines, long total, String placedAt) {

    static GuestOrder of(SelfOrderEntries.Placed order) {
        return new GuestOrder(order.orderId(), order.orderNo(), order.tableId(), order.status(), order.lines().stream()
                .map(line -> new Line(line.productName(), line.variantId(), line.quantity(), line.lineTotal())).toList(), order.total(),
                order.placedAt().toString());
    }

    record Line(String name, String variantId, int quantity, long lineTotal) {
    }
}
