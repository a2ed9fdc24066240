package backroom.edge.ledger;

/**
 * A copy of the ledger handed to a {@link LedgerRebuild} is not the chain it claims to be: an entry
 * is missing, out of its place, or changed. The message names the first such entry.
 */
public final class BrokenCopyException extends RuntimeException {

    BrokenCopyException(String problem) {
        super("the copy of the ledger is broken: " + problem);
    }
}
