/**
 * Open checks on tables and bar tabs, and how a check's bill is split: so far the money rules of a
 * split (by item, equally, by amount), each part's figures adding up exactly to the check's. Reads
 * the sales room's totals; the open check's API, its ledger entries and payments come next.
 */
package backroom.edge.checks;
