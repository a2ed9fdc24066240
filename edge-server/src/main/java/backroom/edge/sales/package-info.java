/**
 * Ringing, reading and voiding sales: the request's rules, pricing in minor units, idempotent
 * writes through the ledger writer, gapless receipt numbers per register. Calls the catalog room
 * for products, the shifts room for the open shift and the stock room to deduct stock.
 */
package backroom.edge.sales;
