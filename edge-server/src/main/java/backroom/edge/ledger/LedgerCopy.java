package backroom.edge.ledger;

import java.util.List;

/** A copy of a ledger, read a page at a time, for a {@link LedgerRebuild} (HQ's copy, fetched over the relay). */
@FunctionalInterface
public interface LedgerCopy {

    /** The entries after {@code afterSeq}, in seq order, as many as one page holds; empty once the copy holds no more. */
    List<LedgerEntry> pageAfter(long afterSeq);
}
