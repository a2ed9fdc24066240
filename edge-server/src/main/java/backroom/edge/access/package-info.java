/**
 * Who may call the box: paired devices, staff sessions, roles and the one permission table. The
 * {@link backroom.edge.access.AccessGate} checks every API request against the route table that
 * services fill through {@link backroom.edge.access.ApiRoutes}. Calls the ledger and web rooms only.
 */
package backroom.edge.access;
