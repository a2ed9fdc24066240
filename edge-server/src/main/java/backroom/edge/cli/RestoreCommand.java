package backroom.edge.cli;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.backup.BackupException;
import backroom.edge.backup.Restore;
import backroom.edge.relay.HqLedgerCopy;
import backroom.relay.uplink.LedgerDownload;
import backroom.relay.uplink.UplinkSettings;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backroom restore FILE}: with the box stopped, checks the backup whole, then puts its
 * ledger and key in place of the box's own, which are moved aside, not deleted.
 * {@code backroom restore --from-hq}: on a new box, fetches the store's ledger back from HQ over
 * the relay (the store, broker and secret from {@code --config FILE} or the environment, as
 * {@code backroom run} reads them), rebuilds every table from its entries, and puts it in place the same way.
 */
@Command(name = "restore", description = {
        "Put a backup's ledger and key in place of the box's own (stop the box first),",
        "or, with --from-hq, rebuild the store's ledger and every table from HQ's copy over the relay."})
final class RestoreCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    private Source source;

    @Option(names = "--config", paramLabel = "FILE",
            description = "With --from-hq: the box's configuration file (backroom provision writes it); BACKROOM_ variables override it.")
    private Path configFile;

    @Option(names = "--data", description = "Data folder (default: $BACKROOM_DATA_DIR, the configuration's data, or ./data).")
    private Path dataDir;

    @Option(names = "--hq-wait", paramLabel = "SECONDS",
            description = "With --from-hq: how long each request waits for HQ's answer before it is asked again, up to 4 times (default 15).")
    private int hqWaitSeconds = (int) HqLedgerCopy.ANSWER_TIMEOUT.toSeconds();

    @Option(names = "--force", description = "With --from-hq: rebuild even over a ledger that runs past HQ's copy (it is set aside).")
    private boolean force;

    static final class Source {
        @Parameters(index = "0", paramLabel = "FILE", description = "The backup file, as backroom backup wrote it.")
        private Path file;

        @Option(names = "--from-hq", required = true, description = "Rebuild from HQ's copy of the store's ledger, over the relay.")
        private boolean fromHq;
    }

    @Override
    public Integer call() {
        BoxConfig config = null;
        if (source.fromHq || configFile != null) {
            try {
                config = configFile == null ? BoxConfig.fromEnvironment(System.getenv()) : ConfigFile.read(configFile).boxConfig(System.getenv());
            } catch (IllegalArgumentException | ConfigFile.ConfigFileException e) {
                System.err.println("restore: " + e.getMessage());
                return 1;
            }
        }
        Path data = dataDir != null ? dataDir : config != null ? config.dataDir() : DataFolderOption.defaultFolder();
        String owner = DataFolderOption.ownerOf(data);
        if (owner != null && !owner.equals(System.getProperty("user.name"))) {
            System.err.println("restore: the data folder " + data.toAbsolutePath() + " belongs to " + owner + ": run this as that user"
                    + " (sudo -u " + owner + " ./backroom restore ...), or the box could not read what it puts there. Nothing was changed.");
            return 1;
        }
        try {
            return source.fromHq ? fromHq(config.relay(), data, Duration.ofSeconds(Math.max(1, hqWaitSeconds)), force)
                    : fromFile(source.file, data);
        } catch (BackupException e) {
            System.err.println("restore: refused, nothing in " + data.toAbsolutePath() + " was changed: " + e.getMessage());
            return 1;
        } catch (LedgerDownload.HqSilentException | IllegalStateException e) {
            System.err.println("restore: stopped, nothing in " + data.toAbsolutePath() + " was changed: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            System.err.println("restore: " + e.getMessage() + ": " + e.getCause());
            return 1;
        }
    }

    private static int fromFile(Path file, Path data) {
        Restore.Restored restored = Restore.restore(file, data, Box.tableAudits(), Clock.systemUTC());
        System.out.printf("Restored %s into %s: ledger head seq %d, hash %s, backed up at %s.%n", file.toAbsolutePath(),
                data.toAbsolutePath(), restored.manifest().headSeq(), restored.manifest().headHash(), restored.manifest().createdAt());
        if (restored.setAside() != null) {
            System.out.println("The ledger and key it replaced are in " + restored.setAside() + ".");
        }
        System.out.println("Start the box again: ./backroom run. Sales made after the backup are not in it.");
        return 0;
    }

    private static int fromHq(Optional<UplinkSettings> relay, Path data, Duration hqWait, boolean force) {
        if (relay.isEmpty()) {
            System.err.println("restore: --from-hq needs the relay's settings: relay.url, store.franchise, store.id and store.secret in"
                    + " the --config file (backroom provision writes them), or BACKROOM_MQTT_URL, BACKROOM_FRANCHISE, BACKROOM_STORE and"
                    + " BACKROOM_STORE_SECRET. Nothing was changed.");
            return 1;
        }
        UplinkSettings settings = relay.get();
        System.out.println("Fetching " + settings.store() + "'s ledger from HQ through " + settings.broker() + " ...");
        try (HqLedgerCopy copy = HqLedgerCopy.of(settings, hqWait)) {
            Restore.Rebuilt rebuilt = Restore.rebuild(copy, data, Box.tableReplays(), Box.tableAudits(), Clock.systemUTC(),
                    head -> System.out.printf("  %d of %d entries%n", head, copy.heldSeq()), force);
            System.out.printf("Rebuilt %s into %s from HQ: ledger head seq %d, hash %s; every table rebuilt from its entries and checked.%n",
                    settings.store(), data.toAbsolutePath(), rebuilt.head().seq(), rebuilt.head().hash());
            copy.forkedAtSeq().ifPresent(seq -> System.out.println("HQ found this store's ledger forked at entry " + seq
                    + ": the rebuild holds HQ's own chain; the other side is in HQ's ledger_conflicts."));
            if (rebuilt.setAside() != null) {
                System.out.println("The ledger and key it replaced are in " + rebuilt.setAside() + ".");
            }
            System.out.println("Start the box: ./backroom run. It makes a new box key and a first-start pairing code and technician PIN;"
                    + " tablets pair again and staff get new PINs (no PIN or token ever leaves the store).");
            return 0;
        }
    }
}
