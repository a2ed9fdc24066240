/**
 * Loyalty: the store's members (found by phone or card number), its program (how much spent earns
 * a point, what a point pays, tiers with their multipliers and spend thresholds), and every movement
 * of a member's points and spend, each a row and its own {@code loyalty.moved} entry written inside
 * the ledger write of the sale, void or refund that caused it: earned once per sale whatever the
 * retries, taken back by its void or refund, spent as a payment. Members' details stay in the store
 * and go to HQ in the ledger, nowhere else. Sales call it.
 */
package backroom.edge.loyalty;
