package backroom.edge.ledger;

import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Another process (most likely another box) has the ledger open: nothing is wrong with the file. */
public final class LedgerInUseException extends RuntimeException {

    LedgerInUseException(Path file, Throwable cause) {
        super("The ledger database " + file.toAbsolutePath() + " is in use by another process: is another box running"
                + " on this data folder? Stop it first. The file is fine; nothing was changed.", cause);
    }

    /** Throws this if {@code failure} is H2 saying the file is locked by someone else. */
    static void throwIfLocked(Path file, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new LedgerInUseException(file, failure);
            }
        }
    }
}
