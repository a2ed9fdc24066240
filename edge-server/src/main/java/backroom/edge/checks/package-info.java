/**
 * Open checks on tables and bar tabs: opened on a table the check then holds, rounds of items over
 * the evening (priced, their stock taken and sent to the kitchen as the sales room would), moved,
 * merged, split by item, equally or by amount (each part's figures adding up exactly to the
 * check's), and paid part by part, each part rung by the sales room as a sale with its own receipt
 * number. Every change is a {@code check.*} entry written with its rows in one ledger write. Uses
 * the sales room's {@code LaterPayments}, the kitchen's table holds and the stock room; no room
 * uses this one.
 */
package backroom.edge.checks;
