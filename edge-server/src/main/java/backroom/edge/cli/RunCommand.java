package backroom.edge.cli;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.access.BoxKey;
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

    private static volatile boolean serving;

    @Option(names = "--data", description = "Data folder (default: $BACKROOM_DATA_DIR or ./data).")
    private Path dataDir;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        LogConfig.configureRuntime();
        BoxConfig config = BoxConfig.fromEnvironment(System.getenv());
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        Box box;
        try {
            box = Box.start(config);
        } catch (LedgerDamagedException | LedgerInUseException | BoxKey.BoxKeyException e) {
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
        System.out.printf("Backroom is serving on http://localhost:%d (data: %s, ledger head seq %d)%n",
                box.port(), config.dataDir().toAbsolutePath(), box.database().writer().head().seq());
        return 0;
    }
}
