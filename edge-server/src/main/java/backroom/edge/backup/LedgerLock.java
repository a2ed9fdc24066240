package backroom.edge.backup;

import backroom.edge.ledger.LedgerFolder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a box is running on a data folder, told by the lock a running box's H2 holds on
 * {@code ledger.mv.db} (an exclusive {@code fcntl} lock for as long as the database is open),
 * and a shared lock of our own that keeps a box from starting on a ledger we read or replace.
 *
 * <p>Only for a process that does not hold the ledger itself (the command line): closing any
 * channel on a file releases every lock this process holds on it, the box's H2 lock included.
 */
final class LedgerLock implements AutoCloseable {

    private final FileChannel channel;

    private LedgerLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Whether a box holds the ledger in {@code dataDir} now. */
    static boolean heldByRunningBox(Path dataDir) {
        try (LedgerLock ignored = holdStopped(dataDir)) {
            return false;
        } catch (BoxRunningException e) {
            return true;
        }
    }

    /**
     * A shared lock on the ledger in {@code dataDir} while it is stopped (none if there is no
     * ledger yet): a box started meanwhile finds it in use and says so. Throws if a box runs.
     */
    static LedgerLock holdStopped(Path dataDir) {
        Path database = dataDir.resolve(LedgerFolder.DATABASE);
        FileChannel channel;
        try {
            channel = FileChannel.open(database, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return new LedgerLock(null);
        } catch (IOException e) {
            throw new BackupException("cannot read " + database.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock != null) {
                return new LedgerLock(channel);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // held by H2 in this process, or the lock cannot be had: either way not ours to read
        }
        close(channel);
        throw new BoxRunningException(dataDir);
    }

    /** The channel holding the lock: read the stopped ledger through it, never through another channel on the file. */
    FileChannel channel() {
        if (channel == null) {
            throw new BackupException("there is no ledger database to read");
        }
        return channel;
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing a read-only channel loses nothing
        }
    }

    /** A box holds the ledger: a restore or a read of its files must wait until it has stopped. */
    static final class BoxRunningException extends BackupException {

        BoxRunningException(Path dataDir) {
            super("A box is running on the data folder " + dataDir.toAbsolutePath() + " (it holds "
                    + dataDir.toAbsolutePath().resolve(LedgerFolder.DATABASE) + ")");
        }
    }
}
