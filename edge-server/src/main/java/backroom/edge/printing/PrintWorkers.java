package backroom.edge.printing;

import backroom.edge.hardware.Connection;
import backroom.edge.hardware.DeviceRole;
import backroom.edge.hardware.HardwareSetup;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.profiles.DrawerProfile;
import com.pi4j.context.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker per printer and per drawer on a relay, started once the jobs a crash cut off have
 * been put back (each to be printed once more, headed REPRINT) and woken by every commit, which is
 * when new jobs appear. Jobs left for a role the store no longer names wait until it names it again.
 */
public final class PrintWorkers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PrintWorkers.class.getName());

    private final List<JobWorker> workers = new ArrayList<>();
    private Context pi4j;

    private PrintWorkers() {
    }

    /** {@code gpio} gives the Pi4J context for drawers on a relay; it is asked only if a drawer is on a GPIO pin. */
    public static PrintWorkers start(List<DeviceRole> roles, LedgerDatabase database, DeviceStatusBoard board, Clock clock, ZoneId zone,
                                     Duration statusEvery, Supplier<Context> gpio) {
        int recovered = database.writer().submit((handle, ledger) -> PrintJobs.recover(handle, ledger.now()));
        if (recovered > 0) {
            LOG.warning(recovered + " print jobs were being sent when the box stopped: each prints once more headed REPRINT"
                    + " (a drawer kick is dropped)");
        }
        Map<String, DrawerProfile> drawers = new HashMap<>();
        HardwareSetup.ofKind(roles, DeviceRole.Kind.DRAWER).forEach(drawer -> drawers.put(drawer.name(), DrawerProfile.load(drawer.profileId())));
        PrintWorkers started = new PrintWorkers();
        for (DeviceRole printer : HardwareSetup.ofKind(roles, DeviceRole.Kind.PRINTER)) {
            started.workers.add(new PrinterWorker(printer, drawers, database.jdbi(), database.writer(), board, clock, zone, statusEvery));
        }
        for (DeviceRole drawer : HardwareSetup.ofKind(roles, DeviceRole.Kind.DRAWER)) {
            if (drawer.connection() instanceof Connection.Gpio) {
                started.startRelay(drawer, gpio, database, board, clock);
            }
        }
        if (!started.workers.isEmpty()) {
            database.writer().onCommitted(entries -> started.wakeAll());
        }
        return started;
    }

    /** A drawer whose pin cannot be claimed is logged; the box serves without it, since the sales must go on. */
    private void startRelay(DeviceRole drawer, Supplier<Context> gpio, LedgerDatabase database, DeviceStatusBoard board, Clock clock) {
        try {
            if (pi4j == null) {
                pi4j = gpio.get();
            }
            workers.add(new GpioDrawerWorker(drawer, pi4j, database.jdbi(), database.writer(), board, clock));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "drawer " + drawer.name() + " on " + drawer.connection() + " cannot be used: " + e.getMessage(), e);
            board.failed(drawer, "its GPIO pin cannot be used: " + e.getMessage());
        }
    }

    void wakeAll() {
        workers.forEach(JobWorker::wake);
    }

    @Override
    public void close() {
        workers.forEach(JobWorker::close);
        if (pi4j != null) {
            try {
                pi4j.shutdown();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "shutting Pi4J down", e);
            }
        }
    }
}
