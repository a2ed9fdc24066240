/**
 * Sales reports for a period, by day, hour of day, product, category, payment method and staff
 * member, with the period before beside them, as JSON or CSV. Derived from the ledger after the
 * fact, not in a sale's write: the entries are added up into hourly sums ({@link ReportProjection})
 * up to the ledger's head before each report, so a report counts every sale, void and refund the
 * ledger holds, and agrees with the shifts' Z reports to the unit. Reads only the ledger's entries,
 * no other room's tables.
 */
package backroom.edge.reports;
