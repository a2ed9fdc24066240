/**
 * Backroom's edge server: the box in the store. {@link backroom.edge.Box} builds everything;
 * each sub-package is one capability (ledger, access, catalog, stock, shifts, sales, drawer,
 * kitchen, live, relay, bumpbar) with its own tables, HTTP service and rules, plus the device
 * profiles they read, the shared web plumbing and the command line. A package imports only those
 * below it: sales calls kitchen inside its write, the bump bars call kitchen, nothing calls back up.
 */
package backroom.edge;
