/**
 * The cash drawer's no-sale opens: who opened it, on which register and device, and why. Each is
 * a ledger entry, and its kick a print job of the same write (the drawer's printer or relay
 * opens it). Calls the ledger, shifts, printing, access and web rooms.
 */
package backroom.edge.drawer;
