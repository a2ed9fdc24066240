/**
 * Gift cards and store credit: stored value under a card number, its balance the sum of its
 * movements. Each movement (issue, top-up, payment, refund onto it, a void taking back what a sale
 * did to it) is a row and a {@code stored_value.*} ledger entry of its own, made inside the ledger
 * write of the sale, void or refund that caused it, so a balance is never moved without its sale
 * and never below zero: every spend is checked on the one writer thread. Stands below sales, which
 * pays with it and refunds onto it.
 */
package backroom.edge.storedvalue;
