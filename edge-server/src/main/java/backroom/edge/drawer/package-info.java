/**
 * The cash drawer's no-sale opens: who opened it, on which register and device, and why. Each is
 * a ledger entry; the kick itself goes to the drawer once the hardware room exists. Calls the
 * ledger, shifts, access and web rooms.
 */
package backroom.edge.drawer;
