/**
 * Ordering from the table: a QR code per table (an HMAC of the table under the box key, printable
 * from the box) opens a guest session with an expiry, no staff token; the guest browses the menu
 * (prices as the catalog has them, allergens) and places orders from their phone's browser, at
 * most a few a minute. A table that pays later sends its orders straight to the kitchen as rounds
 * of its open check; any other's orders wait for the till, which rings and pays one as a sale and
 * sends it to the kitchen in one write. A session sees only its own table's orders and changes
 * nothing else. Calls checks, catalog, access, ledger and web.
 */
package backroom.edge.selforder;
