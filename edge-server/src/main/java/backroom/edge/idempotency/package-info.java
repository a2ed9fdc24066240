/**
 * Idempotency-Keys: the box's one memory of each keyed write's key, the device that sent it, its
 * request's hash and its first answer, kept on the ledger writer's thread, so a tablet that retries
 * a sale, a refund or an open check's change after a lost answer gets that answer again and nothing
 * is done twice.
 */
package backroom.edge.idempotency;
