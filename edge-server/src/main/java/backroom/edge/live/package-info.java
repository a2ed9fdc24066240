/**
 * The live feed ({@code GET /ws}): screens and tablets follow ledger entries as they are made, and
 * catch up from any seq after being offline. Entries come from the ledger writer once on disk;
 * access is asked of the access gate when the socket opens, and the socket is closed the moment
 * its token is revoked or within a second of its session expiring. A kitchen screen may follow
 * only its stations and bump over its socket. Calls the ledger, access, kitchen and web rooms.
 */
package backroom.edge.live;
