package backroom.edge.ledger;

import java.nio.file.Path;
import java.time.Instant;

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

    /**
     * Records, durably, that {@code dataDir} holds a ledger verified up to {@code head}: called once
     * a database whose whole chain was checked up to {@code head} has been put there.
     */
    public static void adopt(Path dataDir, LedgerHead head, Instant at) {
        LedgerFile.recordVerified(dataDir, head);
        LedgerFile.markProvisioned(dataDir, at);
    }
}
