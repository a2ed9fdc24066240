package backroom.edge.cli;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.access.FirstStart;
import io.helidon.logging.common.LogConfig;
import backroom.edge.ledger.LedgerDamagedException;
import backroom.edge.ledger.LedgerInUseException;
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

    @Option(names = "--data", description = "Data folder (default: $BACKROOM_DATA_DIR or ./data).")
    private Path dataDir;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        LogConfig.configureRuntime();
        BoxConfig config;
        try {
            config = BoxConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
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
        } catch (LedgerDamagedException | LedgerInUseException e) {
            System.err.println("Backroom refuses to start.");
            System.err.println(e.getMessage());
            return 1;
        }
        serving = true;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            box.close();
            System.out.println("Backroom stopped; ledger closed at seq " + box.database().writer().head().seq());
        }));
        box.firstStart().ifPresent(RunCommand::printFirstStart);
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

    /** Shown once, on the first start of a box: how a newcomer gets in. */
    private static void printFirstStart(FirstStart first) {
        System.out.println("This box is new. To set it up, pair a device with the pairing code (POST /api/v1/devices/pair),");
        System.out.println("then sign in on it with the technician PIN (POST /api/v1/sessions). Both are shown only now.");
        System.out.println("Technician PIN: " + first.technicianPin());
        System.out.println("Pairing code: " + first.pairingCode().code());
        System.out.println("(the pairing code pairs one terminal until " + first.pairingCode().expiresAt()
                + "; ./backroom pairing-code prints a new one at any time)");
    }
}
