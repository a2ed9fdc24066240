package backroom.edge.cli;

import backroom.edge.Box;
import backroom.edge.backup.BackupException;
import backroom.edge.backup.Restore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code backroom restore FILE}: with the box stopped, checks the backup whole, then puts its
 * ledger and key in place of the box's own, which are moved aside, not deleted.
 */
@Command(name = "restore", description = "Put a backup's ledger and key in place of the box's own (stop the box first).")
final class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file, as backroom backup wrote it.")
    private Path file;

    @Mixin
    private DataFolderOption dataFolder;

    @Override
    public Integer call() {
        Path data = dataFolder.folder();
        String owner = DataFolderOption.ownerOf(data);
        if (owner != null && !owner.equals(System.getProperty("user.name"))) {
            System.err.println("restore: the data folder " + data.toAbsolutePath() + " belongs to " + owner + ": run this as that user"
                    + " (sudo -u " + owner + " ./backroom restore ...), or the box could not read what it puts there. Nothing was changed.");
            return 1;
        }
        try {
            Restore.Restored restored = Restore.restore(file, data, Box.tableAudits(), Clock.systemUTC());
            System.out.printf("Restored %s into %s: ledger head seq %d, hash %s, backed up at %s.%n", file.toAbsolutePath(),
                    data.toAbsolutePath(), restored.manifest().headSeq(), restored.manifest().headHash(), restored.manifest().createdAt());
            if (restored.setAside() != null) {
                System.out.println("The ledger and key it replaced are in " + restored.setAside() + ".");
            }
            System.out.println("Start the box again: ./backroom run. Sales made after the backup are not in it.");
            return 0;
        } catch (BackupException e) {
            System.err.println("restore: refused, nothing in " + data.toAbsolutePath() + " was changed: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            System.err.println("restore: " + e.getMessage() + ": " + e.getCause());
            return 1;
        }
    }
}
