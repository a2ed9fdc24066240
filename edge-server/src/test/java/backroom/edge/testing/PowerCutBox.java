package backroom.edge.testing;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.ledger.DiskSync;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.testing.powercut.PowerCut;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * A real box whose ledger file sits on a {@link PowerCut}: HTTP on a free loopback port, and the
 * power switch in the test's hand. After {@link #cut()} the real files in {@code dataDir} are what
 * the box would find on its next start.
 */
public final class PowerCutBox implements AutoCloseable {

    private final PowerCut power;
    private final Box box;
    private final Api api;
    private boolean running = true;

    private PowerCutBox(PowerCut power, Box box, Path dataDir) {
        this.power = power;
        this.box = box;
        this.api = box.firstStart()
                .map(first -> SignIn.firstTechnician(box.port(), dataDir, first.pairingCode().code()))
                .orElseGet(() -> SignIn.technicianAgain(box.port(), dataDir));
    }

    /** {@code diskSync} is how the ledger writer forces each group; production uses CHECKPOINT_SYNC. */
    public static PowerCutBox start(Path dataDir, DiskSync diskSync) {
        PowerCut power = PowerCut.over(dataDir);
        try {
            // TRACE_LEVEL_FILE=0: after the cut H2 would log every failure to a trace file on the dead disk.
            String url = "jdbc:h2:" + power.path(LedgerDatabase.FILE_NAME) + LedgerDatabase.settings() + ";TRACE_LEVEL_FILE=0";
            LedgerDatabase database = LedgerDatabase.open(url, Clock.systemUTC(), diskSync);
            Box box = Box.start(new BoxConfig("127.0.0.1", 0, dataDir, SignIn.TECHNICIAN_PIN), database, UUID::randomUUID,
                    Clock.systemUTC());
            return new PowerCutBox(power, box, dataDir);
        } catch (RuntimeException e) {
            power.close();
            throw e;
        }
    }

    public Api api() {
        return api;
    }

    public PowerCut power() {
        return power;
    }

    public LedgerDatabase database() {
        return box.database();
    }

    /**
     * The power fails; then the box is shut down, so that no thread of it outlives the test. Its
     * database cannot close cleanly on a dead disk: that failure is the expected one and is returned.
     */
    public RuntimeException cut() {
        power.cut();
        try {
            shutDown();
            return null;
        } catch (RuntimeException deadDisk) {
            return deadDisk;
        }
    }

    @Override
    public void close() {
        try {
            shutDown();
        } finally {
            power.close();
        }
    }

    private void shutDown() {
        if (running) {
            running = false;
            box.close();
        }
    }
}
