package backroom.edge.cli;

import backroom.edge.backup.Backup;
import backroom.edge.backup.BackupArchive;
import backroom.edge.backup.BackupException;
import backroom.edge.backup.BackupSpool;
import backroom.edge.backup.Manifest;
import backroom.edge.ledger.LedgerDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code backroom backup FILE}: run on the box itself, writes one backup file of the ledger and
 * the box's key. While the box runs, the box makes it (it holds the database) and this command
 * copies it to FILE; with the box stopped, this command makes it from the files.
 */
@Command(name = "backup", description = "Back up the box's ledger and key into FILE, while it runs or not (run on the box itself).")
final class BackupCommand implements Callable<Integer> {

    /** A running box looks for requests twice a second; this is for one that is not answering at all. */
    private static final Duration TAKEN_WITHIN = Duration.ofSeconds(10);
    private static final Duration MADE_WITHIN = Duration.ofHours(1);

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the backup (a .zip; replaced if it exists).")
    private Path file;

    @Mixin
    private DataFolderOption dataFolder;

    @Override
    public Integer call() {
        Path data = dataFolder.folder();
        Path target = file.toAbsolutePath();
        String owner = DataFolderOption.ownerOf(data);
        String me = System.getProperty("user.name");
        if (owner != null && !owner.equals(me) && !me.equals("root")) {
            System.err.println("backup: the data folder " + data.toAbsolutePath() + " belongs to " + owner + ": run this as that user"
                    + " (sudo -u " + owner + " ./backroom backup ...) or as root.");
            return 1;
        }
        if (!LedgerDatabase.isProvisioned(data)) {
            System.err.println("backup: no box has a ledger in " + data.toAbsolutePath() + "; nothing to back up.");
            return 1;
        }
        if (Files.isDirectory(target) || !Files.isDirectory(target.getParent())) {
            System.err.println("backup: " + target + " must name a file in a folder that exists.");
            return 2;
        }
        try {
            boolean running = BackupSpool.boxRuns(data);
            Manifest manifest = running ? fromRunningBox(data, target) : Backup.ofStoppedBox(data, target, Clock.systemUTC());
            System.out.printf("Backup written to %s (%s): ledger head seq %d, hash %s%s.%n", target,
                    running ? "made by the running box" : "from the stopped box's files", manifest.headSeq(), manifest.headHash(),
                    manifest.storeId() == null ? "" : ", store " + manifest.storeId());
            System.out.println("It holds box.key: keep it as safe as the box itself. Restore with ./backroom restore " + target);
            return 0;
        } catch (BackupException e) {
            System.err.println("backup: " + e.getMessage());
            return 1;
        }
    }


    private static Manifest fromRunningBox(Path data, Path target) {
        BackupSpool spool = new BackupSpool(data);
        Path made = spool.ask(TAKEN_WITHIN, MADE_WITHIN, () -> BackupSpool.boxRuns(data));
        try {
            BackupArchive.copy(made, target);
        } finally {
            spool.remove(made);
        }
        return BackupArchive.manifestOf(target);
    }
}
