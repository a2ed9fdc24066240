package backroom.edge.bumpbar;

import backroom.edge.access.Actor;
import backroom.edge.kitchen.KitchenBumps;
import backroom.edge.web.Problem;
import java.util.logging.Level;
import java.util.logging.Logger;
import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * One bump bar on a serial port (jSSC): a thread of its own opens the port, reads each key the bar
 * sends and does what the profile's key map says at the bound station. A port that cannot be
 * opened, or goes away (the bar unplugged), is tried again every {@value #RETRY_MILLIS} ms.
 */
public final class SerialBumpBar implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SerialBumpBar.class.getName());
    static final long RETRY_MILLIS = 2_000;
    private static final int POLL_MILLIS = 50;

    private final BumpBarBinding binding;
    private final BumpBarProfile profile;
    private final KitchenBumps kitchen;
    private final Actor bar;
    private final Thread reader;
    private volatile boolean closed;

    private SerialBumpBar(BumpBarBinding binding, KitchenBumps kitchen) {
        this.binding = binding;
        this.profile = BumpBarProfile.load(binding.profileId());
        this.kitchen = kitchen;
        this.bar = new Actor(null, null, null, "bump-bar:" + binding.station(), "bump bar at " + binding.station() + " on " + binding.port());
        this.reader = Thread.ofPlatform().name("bump-bar-" + binding.station()).daemon(true).unstarted(this::run);
    }

    /** Starts reading the bar in the background; never waits for the port. */
    public static SerialBumpBar start(BumpBarBinding binding, KitchenBumps kitchen) {
        SerialBumpBar bar = new SerialBumpBar(binding, kitchen);
        bar.reader.start();
        return bar;
    }

    private void run() {
        while (!closed) {
            SerialPort port = new SerialPort(binding.port());
            try {
                port.openPort();
                port.setParams(binding.baud() != null ? binding.baud() : profile.baud(), SerialPort.DATABITS_8, SerialPort.STOPBITS_1,
                        SerialPort.PARITY_NONE);
                LOG.info("bump bar at " + binding.station() + " reads " + binding.port());
                read(port);
            } catch (SerialPortException e) {
                LOG.log(Level.FINE, "bump bar at " + binding.station() + ": " + e.getMessage(), e);
            } finally {
                closeQuietly(port);
            }
            sleep(RETRY_MILLIS);
        }
    }

    private void read(SerialPort port) throws SerialPortException {
        while (!closed) {
            byte[] keys = port.readBytes();
            if (keys == null) {
                sleep(POLL_MILLIS);
                continue;
            }
            for (byte key : keys) {
                press(key & 0xff);
            }
        }
    }

    private void press(int key) {
        profile.actionOf(key).ifPresentOrElse(action -> {
            try {
                if (action.recall()) {
                    kitchen.recall(binding.station(), bar);
                } else {
                    kitchen.bumpNth(binding.station(), action.nth(), bar);
                }
            } catch (Problem refused) {
                LOG.info("bump bar at " + binding.station() + ": " + refused.getMessage());
            }
        }, () -> LOG.fine("bump bar at " + binding.station() + ": key " + key + " is not in profile " + profile.id()));
    }

    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException e) {
            LOG.log(Level.FINE, "closing a bump bar's port", e);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
