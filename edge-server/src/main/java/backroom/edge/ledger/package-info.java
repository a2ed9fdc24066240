/**
 * The store's ledger: an append-only, hash-chained record of every business event, kept in an
 * embedded H2 file. Every write in the box goes through {@link backroom.edge.ledger.LedgerWriter},
 * which commits waiting writes as one group and forces them to disk before anyone hears "done".
 * This package calls nothing else in the box.
 */
package backroom.edge.ledger;
