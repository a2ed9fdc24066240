/**
 * Backroom's edge server: the box in the store. {@link backroom.edge.Box} builds everything;
 * each sub-package is one capability (ledger, catalog, stock, shifts, sales) with its own
 * tables, HTTP service and rules, plus the shared web plumbing and the command line.
 */
package backroom.edge;
