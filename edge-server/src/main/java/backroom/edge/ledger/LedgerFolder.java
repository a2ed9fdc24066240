package backroom.edge.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The ledger's files in a data folder taken as a whole, for putting a backup's database in place
 * of the box's own: which files are the ledger's, and the records a box keeps beside its database
 * ({@code ledger.provisioned}, {@code ledger.verified}), made anew for the database put there, so
 * the box starts on it as on its own.
 */
public final class LedgerFolder {

    /** The database file, {@code ledger.mv.db}. */
    public static final String DATABASE = LedgerFile.DATABASE;
    /** The record that a ledger was created in the folder: a box refuses to start where it is and the database is not. */
    public static final String PROVISIONED = LedgerFile.PROVISIONED;

    private LedgerFolder() {
    }

    /** Whether {@code name} is one of the ledger's files: the database, H2's own beside it, the records kept with it. */
    public static boolean isLedgerFile(String name) {
        return name.startsWith(LedgerDatabase.FILE_NAME + ".");
    }

    /** The head of the ledger in a stopped box's {@code dataDir}, read only; empty when the folder holds no ledger. */
    public static Optional<LedgerHead> headOf(Path dataDir) {
        if (!Files.exists(dataDir.resolve(DATABASE))) {
            return Optional.empty();
        }
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            return Optional.of(LedgerTable.head(handle));
        }
    }

    /**
     * Records, durably, that {@code dataDir} holds a ledger verified up to {@code head}: called once
     * a database whose whole chain was checked up to {@code head} has been put there.
     */
    public static void adopt(Path dataDir, LedgerHead head, Instant at) {
        LedgerFile.recordVerified(dataDir, head);
        LedgerFile.markProvisioned(dataDir, at);
    }
}
