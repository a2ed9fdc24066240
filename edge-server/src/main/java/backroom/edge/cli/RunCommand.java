package backroom.edge.cli;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.access.BoxKey;
import backroom.edge.ledger.LedgerDamagedException;
import backroom.edge.ledger.LedgerInUseException;
import io.helidon.logging.common.LogConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backroom run}: serves until Ctrl-C, then stops cleanly. */
@Command(name = "run", description = "Start the edge server (port 8080, data in ./data).")
final class RunCommand implements Callable<Integer> {

    /**
     * The exit code when the listener has died (70, EX_SOFTWARE): not zero, so a service manager
     * that restarts failed services (systemd's Restart=on-failure) starts the box again.
     */
    static final int DEAF = 70;

    private static volatile boolean serving;

    @Option(names = "--data", description = "Data folder (default: $BACKROOM_DATA_DIR, the configuration's data, or ./data).")
    private Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The box's configuration file (backroom provision writes it, e.g. /etc/backroom/backroom.yaml);"
                    + " BACKROOM_ variables in the environment override it.")
    private Path configFile;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        LogConfig.configureRuntime();
        BoxConfig config;
        try {
            config = configFile == null ? BoxConfig.fromEnvironment(System.getenv())
                    : ConfigFile.read(configFile).boxConfig(System.getenv());
        } catch (IllegalArgumentException | ConfigFile.ConfigFileException e) {
            System.err.println("Backroom refuses to start.");
            System.err.println(e.getMessage());
            return 1;
        }
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        Box box;
        try {
            box = Box.start(config, RunCommand::exitDeaf);
        } catch (LedgerDamagedException | LedgerInUseException | BoxKey.BoxKeyException | IllegalArgumentException e) {
            System.err.println("Backroom refuses to start.");
            System.err.println(e.getMessage());
            return 1;
        }
        serving = true;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            box.close();
            System.out.println("Backroom stopped; ledger closed at seq " + box.database().writer().head().seq());
        }));
        Path data = config.dataDir();
        box.firstStart().ifPresent(first -> FirstStartNotice.show(first, data, System.out, FirstStartNotice.terminalAttached()));
        System.out.printf("Backroom is serving on http://localhost:%d (data: %s, ledger head seq %d;"
                        + " up to %d connections at once, closed after %d s of silence)%n",
                box.port(), config.dataDir().toAbsolutePath(), box.database().writer().head().seq(), box.connectionCap(),
                config.idleTimeout().toSeconds());
        return 0;
    }

    private static void exitDeaf() {
        System.err.println("Backroom exits with " + DEAF + " for its service manager to start it again.");
        System.exit(DEAF);
    }
}
