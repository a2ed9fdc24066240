package backroom.edge.ledger;

/**
 * The checks every {@link TableAudit} makes once its entries are walked: a table holds exactly the
 * rows the entries wrote. The table, column and entry-type names passed in are the audits' own
 * constants, never input.
 */
public final class LedgerRows {

    private LedgerRows() {
    }

    /**
     * {@code table} (with a {@code ledger_seq} column) holds as many rows from after {@code fromSeq}
     * as the walk checked; if not, names one whose ledger_seq is no entry of {@code entryTypes}.
     */
    public static void requireNoOthers(AuditedTables tables, String table, long checked, long fromSeq, String rowName,
                                       String... entryTypes) {
        long count = tables.count("SELECT COUNT(*) FROM " + table + " WHERE ledger_seq > ?", fromSeq);
        if (count != checked) {
            String types = "'" + String.join("', '", entryTypes) + "'";
            String suspect = tables.row("SELECT " + rowName + " AS name FROM " + table + " t WHERE ledger_seq > ?"
                            + " AND NOT EXISTS (SELECT 1 FROM ledger l WHERE l.seq = t.ledger_seq AND l.type IN (" + types + "))"
                            + " ORDER BY ledger_seq LIMIT 1", fromSeq)
                    .map(row -> "; row " + row.get("name") + " points at no " + String.join(" or ", entryTypes) + " entry")
                    .orElse("");
            throw new TableDisagreement(table + " holds " + count + " rows" + (fromSeq == 0 ? "" : " from after entry " + fromSeq)
                    + " but the ledger's entries wrote " + checked + suspect);
        }
    }

    /** {@code table} holds as many rows as the walk checked; if not, names one whose {@code parent} row is gone. */
    public static void requireNoOrphans(AuditedTables tables, String table, long checked, String parent, String parentKey, String rowName) {
        long count = tables.count("SELECT COUNT(*) FROM " + table);
        if (count != checked) {
            String orphan = tables.row("SELECT " + rowName + " AS name FROM " + table + " c WHERE NOT EXISTS (SELECT 1 FROM "
                            + parent + " p WHERE p.id = c." + parentKey + ") LIMIT 1")
                    .map(row -> "; row " + row.get("name") + " belongs to no row of " + parent)
                    .orElse("");
            throw new TableDisagreement(table + " holds " + count + " rows but the ledger's entries wrote " + checked + orphan);
        }
    }
}
