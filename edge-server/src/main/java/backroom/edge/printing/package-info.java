/**
 * Receipts, kitchen tickets, drawer kicks and test pages as print jobs: rows written in the write
 * that asks for them (the sale's own), sent by one worker per printer from those rows, retried
 * under the same id, moved to a backup printer, and never printed twice after a crash. Renders
 * ESC/POS with escpos-coffee from each printer's profile. Calls the ledger, hardware, profiles,
 * access and web rooms; sales, kitchen and drawer call it.
 */
package backroom.edge.printing;
