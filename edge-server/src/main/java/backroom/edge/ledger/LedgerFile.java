package backroom.edge.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The ledger's files in the data folder, and the checks made before H2 may open them read-write.
 *
 * <p>H2 can "repair" a damaged file on a read-write open by falling back to an older state and
 * shrinking the file, and it creates a new empty database where the file is missing or empty.
 * So a box that was provisioned ({@code ledger.provisioned} exists) first probes the file
 * read-only and refuses to start if it is missing, empty, unreadable or holds no ledger.
 */
final class LedgerFile {

    static final String DATABASE = "ledger.mv.db";
    static final String PROVISIONED = "ledger.provisioned";
    /** The verified point, also kept outside the database: H2 falling back to an older state shows. */
    static final String VERIFIED = "ledger.verified";

    private LedgerFile() {
    }

    /** The URL to open the box's database with, after checking that opening it is safe. */
    static String checkedUrl(Path dataDir) {
        createDirectories(dataDir);
        Path database = dataDir.resolve(DATABASE);
        boolean provisioned = Files.exists(dataDir.resolve(PROVISIONED));
        if (!Files.exists(database)) {
            if (provisioned) {
                throw new LedgerDamagedException(database, "the file is missing, but this box was provisioned", null);
            }
            return LedgerDatabase.urlFor(dataDir);
        }
        if (provisioned) {
            probeReadOnly(database, dataDir);
        }
        return LedgerDatabase.urlFor(dataDir) + ";IFEXISTS=TRUE";
    }

    /** Records, durably, that this folder holds a created ledger: from now on it is never recreated. */
    static void markProvisioned(Path dataDir, Instant now) {
        if (!Files.exists(dataDir.resolve(PROVISIONED))) {
            writeDurably(dataDir, PROVISIONED, "ledger created " + now + "\n");
        }
    }

    /** Keeps the verified point beside the database, written whole or not at all. */
    static void recordVerified(Path dataDir, LedgerHead head) {
        writeDurably(dataDir, VERIFIED, head.seq() + " " + head.hash() + "\n");
    }

    private static void writeDurably(Path dataDir, String name, String content) {
        DataFolder.writeDurably(dataDir, name, content);
    }

    private static void probeReadOnly(Path database, Path dataDir) {
        try {
            if (Files.size(database) == 0) {
                throw new LedgerDamagedException(database, "the file is empty", null);
            }
        } catch (IOException e) {
            throw new LedgerDamagedException(database, e.toString(), e);
        }
        try (Connection c = DriverManager.getConnection(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "");
             Statement s = c.createStatement();
             ResultSet versions = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            versions.next();
            if (versions.getInt(1) == 0) {
                throw new LedgerDamagedException(database, "it holds no Backroom schema", null);
            }
            LedgerHead verified = readVerified(dataDir);
            try (ResultSet entry = s.executeQuery("SELECT hash FROM ledger WHERE seq = " + verified.seq())) {
                if (verified.seq() > 0 && (!entry.next() || !entry.getString(1).equals(verified.hash()))) {
                    throw new LedgerDamagedException(database, "it no longer holds entry " + verified.seq()
                            + " as it was verified (" + VERIFIED + "): the file lost recent writes", null);
                }
            }
        } catch (SQLException e) {
            LedgerInUseException.throwIfLocked(database, e);
            throw new LedgerDamagedException(database, e.getMessage(), e);
        }
    }

    /** The verified point kept beside the database; the empty head if there is none yet. */
    static LedgerHead readVerified(Path dataDir) {
        Path file = dataDir.resolve(VERIFIED);
        try {
            if (!Files.exists(file)) {
                return LedgerHead.EMPTY;
            }
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
            return new LedgerHead(Long.parseLong(parts[0]), parts[1]);
        } catch (IOException | RuntimeException e) {
            throw new LedgerDamagedException(dataDir.resolve(DATABASE), "cannot read " + file + ": " + e, e);
        }
    }

    private static void createDirectories(Path dataDir) {
        DataFolder.create(dataDir);
    }
}
