package backroom.edge.ledger;

/** A table row that does not hold what the ledger says, named with the entry that says otherwise. */
public final class TableDisagreement extends RuntimeException {

    public TableDisagreement(String message) {
        super(message, null, false, false);
    }
}
