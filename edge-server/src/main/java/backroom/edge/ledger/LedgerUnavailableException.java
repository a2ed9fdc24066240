package backroom.edge.ledger;

/** The ledger could not make a write durable (disk full, I/O error, shutting down): try again later. */
public final class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
