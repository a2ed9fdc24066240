package backroom.edge.kitchen;

import java.util.List;

/**
 * What a sale sends the kitchen, inside the sale's own write: its lines that a station makes, each
 * with the station already chosen (the product's, else its category's). A dine-in sale on a table
 * whose order is still open adds a ticket to that order (a second round); any other sale opens an
 * order of its own, whose id is the sale's. An order holds its table until it is done unless it
 * was opened by a ticket that does not ({@code holdsTable} false: an open check's round, whose
 * check holds the table itself, {@link TableHolds}).
 */
public record KitchenTicket(String saleId, String orderType, String tableId, boolean holdsTable, List<Item> items) {

    /** One sale line for a station: names as the kitchen shows them, modifiers by name. */
    public record Item(int lineNo, String station, String productId, String name, String variant, List<String> modifiers,
                       String notes, int quantity) {
    }
}
