package backroom.edge.printing;

import java.time.Instant;
import java.util.List;

/**
 * One station's ticket of a kitchen order: the big order number, how it is served, the items the
 * station makes with their modifiers and notes; {@code round} above 1 is a later round added to
 * the table's open order.
 */
public record KitchenSlip(String orderId, int orderNumber, String orderType, String tableId, String station, int round, boolean rush,
                          Instant sentAt, List<Item> items) implements PrintDocument {

    public record Item(int quantity, String name, String variant, List<String> modifiers, String notes) {
    }
}
