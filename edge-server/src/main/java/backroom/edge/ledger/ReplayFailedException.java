package backroom.edge.ledger;

/**
 * A {@link TableReplay} could not write the rows of an entry of the copy being rebuilt: an entry
 * in a shape no replay knows (written by a later version of the box), or a fault in a replay. The
 * message names the entry and the replay.
 */
public final class ReplayFailedException extends RuntimeException {

    ReplayFailedException(LedgerEntry entry, TableReplay replay, RuntimeException cause) {
        super("entry " + entry.seq() + " (" + entry.type() + ") could not be replayed by " + replay.getClass().getSimpleName() + ": "
                + cause.getMessage(), cause);
    }
}
