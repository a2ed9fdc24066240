package backroom.edge.ledger;

import java.sql.SQLException;
import java.util.Set;
import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStoreException;

/**
 * Tells a failure of the disk or of the database file (full disk, I/O error, database closed
 * after either) from a bug: the first is worth a 503 and a retry, the second a 500.
 */
public final class StorageFailure {

    private static final Set<Integer> CODES = Set.of(
            ErrorCode.DATABASE_IS_CLOSED, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2,
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.FILE_CORRUPTED_1);

    private StorageFailure() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LedgerUnavailableException || t instanceof MVStoreException) {
                return true;
            }
            if (t instanceof SQLException sql && CODES.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
