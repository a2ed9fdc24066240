/**
 * Ringing, reading and voiding sales: the request's rules, pricing in minor units, idempotent
 * writes through the ledger writer, gapless receipt numbers per register. Calls the catalog room
 * for products, the shifts room for the open shift, the stock room to deduct stock and the
 * kitchen room to send the sale's kitchen order, each inside the sale's own write. Offers a room
 * that takes items now and payment later (open checks) its rules and prices, and rings that
 * payment as a sale of its own ({@link backroom.edge.sales.LaterPayments}).
 */
package backroom.edge.sales;
