package backroom.edge.kitchen;

import java.time.Instant;
import java.util.List;

/**
 * An order as the kitchen works it ({@code GET /api/v1/orders}): its status is the least advanced
 * of its items that are not cancelled (cancelled when all are), and each time is when the order
 * as a whole first reached that status.
 */
public record KitchenOrder(String orderId, int orderNumber, String orderType, String tableId, String status, boolean rush,
                           int tickets, long ledgerSeq, Instant createdAt, Instant startedAt, Instant readyAt, Instant completedAt,
                           List<Item> items) {

    /** One sale line at its station. */
    public record Item(int itemNo, int ticketNo, String saleId, int lineNo, String station, String productId, String name,
                       String variant, List<String> modifiers, String notes, int quantity, String status, Instant createdAt,
                       Instant startedAt, Instant readyAt, Instant completedAt) {
    }
}
