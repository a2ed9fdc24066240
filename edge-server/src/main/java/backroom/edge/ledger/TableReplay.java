package backroom.edge.ledger;

/**
 * One capability's tables written again from the ledger's entries: how a box whose disk died gets
 * its sales, shifts, stock and the rest back from HQ's copy of its ledger ({@link LedgerRebuild}).
 * A replay writes the rows its capability's live writes wrote for each entry, so the rebuilt tables
 * pass that capability's {@link TableAudit} and answer what the old box answered. It writes nothing
 * an entry does not carry: no PIN or token hashes (they never leave the store), no print jobs (they
 * were printed on the old box), no idempotency keys (their tablets pair again).
 *
 * <p>A replay is made afresh for each rebuild and sees the entries in seq order, every one, its own
 * capability's and the others'.
 */
public interface TableReplay {

    /** Writes the rows {@code entry} wrote, when it is one of this capability's entries. */
    void replay(RebuiltTables tables, LedgerEntry entry);

    /** After the last entry: rows that follow from all of them together (counters, current values). */
    default void finish(RebuiltTables tables) {
    }
}
