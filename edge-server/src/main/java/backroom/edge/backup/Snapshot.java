package backroom.edge.backup;

import backroom.edge.access.BoxKey;
import backroom.edge.catalog.CatalogStore;
import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.ChainVerifier;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerFolder;
import backroom.edge.ledger.LedgerHead;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A copy of the ledger database in a work folder, consistent as of one moment, then checked and
 * compacted there: what goes into a backup.
 *
 * <p>From a running box the copy is H2's {@code BACKUP TO}, which its documentation says is
 * "transactionally consistent" without locking anything; in H2 2.3.232's source it stops MVStore
 * reusing free space for the time of the copy, so no chunk already in the file is overwritten
 * while it is read, and new chunks go after them. The copy is then opened like a database after
 * a crash: H2 takes its newest whole chunk and rolls back what was not committed. The tests ring
 * sales from eight tablets throughout and hold every copy's chain and entries to the box's.
 */
final class Snapshot {

    /** What the copy is: its head, checked by walking its whole chain, and the store and key it belongs to. */
    record Facts(LedgerHead head, String storeId, String boxKeyFingerprint) {
    }

    private Snapshot() {
    }

    /** Copies the running box's database into {@code work} through the box's own connections, never its writer's. */
    static void ofRunningBox(Jdbi jdbi, Path work) {
        Path zip = work.resolve("h2-backup.zip");
        jdbi.useHandle(handle -> handle.createUpdate("BACKUP TO :file").bind("file", zip.toAbsolutePath().toString()).execute());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(LedgerFolder.DATABASE)) {
                    Files.copy(in, work.resolve(LedgerFolder.DATABASE));
                    return;
                }
            }
            throw new BackupException("H2's backup " + zip + " holds no " + LedgerFolder.DATABASE);
        } catch (IOException e) {
            throw new BackupException("cannot read H2's backup " + zip + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException e) {
                // the work folder goes, and this with it
            }
        }
    }

    /** Copies a stopped box's database into {@code work}, holding it so no box starts on it meanwhile. */
    static void ofStoppedBox(Path dataDir, Path work) {
        try (LedgerLock lock = LedgerLock.holdStopped(dataDir);
             FileChannel copy = FileChannel.open(work.resolve(LedgerFolder.DATABASE), StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            FileChannel ledger = lock.channel();
            long size = ledger.size();
            for (long done = 0; done < size; ) {
                done += ledger.transferTo(done, size - done, copy);
            }
        } catch (IOException e) {
            throw new BackupException("cannot copy the ledger of " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the copy in {@code work}, walks its whole chain, reads its head, store and key
     * fingerprint, and closes it compacted: H2 keeps every page a commit wrote again until it
     * reuses the space, so a ledger of a few megabytes of rows can take gigabytes on disk.
     */
    static Facts sealed(Path work) {
        JdbcDataSource copy = new JdbcDataSource();
        copy.setURL("jdbc:h2:file:" + work.toAbsolutePath().resolve(LedgerDatabase.FILE_NAME)
                + ";IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
        copy.setUser("sa");
        try (Connection connection = copy.getConnection()) {
            Facts facts = facts(Jdbi.open(connection), work);
            try (Statement shutdown = connection.createStatement()) {
                shutdown.execute("SHUTDOWN COMPACT");
            }
            return facts;
        } catch (SQLException e) {
            throw new BackupException("the copy of the ledger cannot be opened: " + e.getMessage(), e);
        }
    }

    private static Facts facts(Handle handle, Path work) {
        ChainVerdict chain = ChainVerifier.verifyAll(handle);
        if (!chain.intact()) {
            throw new BackupException("the ledger's chain breaks at entry " + chain.firstBrokenSeq() + " (" + chain.problem()
                    + "): no backup was made; ./backroom verify-ledger, with the box stopped, says more");
        }
        String storeId = CatalogStore.isSeeded(handle) ? CatalogStore.settings(handle).storeId() : null;
        return new Facts(chain.head(), storeId, BoxKey.recordedFingerprint(handle).orElse(null));
    }
}
