package backroom.edge.ledger;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Reading the ledger's entries in order, for a capability that derives its own tables from them after the fact. */
public final class LedgerEntries {

    private LedgerEntries() {
    }

    /** Up to {@code limit} entries after {@code afterSeq}, in seq order. */
    public static List<LedgerEntry> after(Handle handle, long afterSeq, int limit) {
        return LedgerTable.between(handle, afterSeq, Long.MAX_VALUE, limit);
    }

    /** The entry at {@code seq}, which must be in the ledger. */
    public static LedgerEntry at(Handle handle, long seq) {
        return LedgerTable.between(handle, seq - 1, seq, 1).getFirst();
    }
}
