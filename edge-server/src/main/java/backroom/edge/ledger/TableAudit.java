package backroom.edge.ledger;

/**
 * One capability's tables held to the ledger entries that wrote them. The tables are what the sales
 * API and the X and Z reports read; the entries are what the hash chain protects. A row changed on
 * disk with the ledger left alone (a grand total and its payment made smaller) must not pass:
 * {@code backroom verify-ledger} walks every entry from the first, and the box, at each start,
 * the entries from its verified point on. The same reading of entries is what rebuilds a dead
 * box's tables from HQ's copy of its ledger.
 *
 * <p>An audit is made afresh for each walk and sees the entries in seq order.
 */
public interface TableAudit {

    /**
     * Checks the rows {@code entry} wrote, when it is one of this capability's entries.
     *
     * @throws TableDisagreement at the first row that does not hold what the entry says
     */
    void check(AuditedTables tables, LedgerEntry entry);

    /**
     * After the walk: rows written by entries after {@code fromSeq} that no entry accounts for and,
     * when the walk began at the first entry ({@code fromSeq == 0}), what the entries add up to
     * (stock on hand, open and closed shifts).
     *
     * @throws TableDisagreement naming the first such row
     */
    void finish(AuditedTables tables, long fromSeq);
}
