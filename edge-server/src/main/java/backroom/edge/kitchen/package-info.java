/**
 * The kitchen: orders sent to stations by the sale's own ledger write, worked through pending,
 * cooking, ready and completed (or cancelled) one ledger entry per change, and the tables the
 * open dine-in orders occupy. Knows nothing of sales: the sale hands it a {@link
 * backroom.edge.kitchen.KitchenTicket} inside its write.
 */
package backroom.edge.kitchen;
