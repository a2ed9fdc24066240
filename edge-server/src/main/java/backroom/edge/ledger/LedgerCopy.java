package backroom.edge.ledger;

import java.util.List;
import java.util.Optional;

/** A copy of a ledger, read a page at a time, for a {@link LedgerRebuild} (HQ's copy, fetched over the relay). */
@FunctionalInterface
public interface LedgerCopy {

    /** The entries after {@code afterSeq}, in seq order, as many as one page holds; empty once the copy holds no more. */
    List<LedgerEntry> pageAfter(long afterSeq);

    /** The newest entry the copy says it holds, once its pages are read, where it says so: a rebuild must end there. */
    default Optional<LedgerHead> claimedHead() {
        return Optional.empty();
    }
}
