package backroom.edge.bumpbar;

import backroom.edge.kitchen.KitchenBumps;
import backroom.edge.profiles.BumpBarProfile;
import java.util.logging.Level;
import java.util.logging.Logger;
import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * One bump bar on a serial port (jSSC): a thread of its own opens the port, reads each character
 * the bar sends and does what the profile's key map says at the bound station. A port that cannot be
 * opened, or goes away (the bar unplugged), is tried again every {@value #RETRY_MILLIS} ms.
 */
final class SerialBumpBar implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SerialBumpBar.class.getName());
    static final long RETRY_MILLIS = 2_000;
    private static final int POLL_MILLIS = 50;

    private final BumpBarBinding binding;
    private final BumpBarBinding.Serial connection;
    private final BumpBarKeys keys;
    private final BumpBarWatch watch;
    private final Thread reader;
    private volatile boolean closed;

    private SerialBumpBar(BumpBarBinding binding, BumpBarBinding.Serial connection, BumpBarProfile profile, KitchenBumps kitchen,
                          BumpBarWatch watch) {
        this.binding = binding;
        this.connection = connection;
        this.watch = watch;
        this.keys = new BumpBarKeys(binding.station(), connection.port(), profile, kitchen);
        this.reader = Thread.ofPlatform().name("bump-bar-" + binding.station()).daemon(true).unstarted(this::run);
    }

    /** Starts reading the bar in the background; never waits for the port. */
    static SerialBumpBar start(BumpBarBinding binding, BumpBarBinding.Serial connection, BumpBarProfile profile, KitchenBumps kitchen,
                               BumpBarWatch watch) {
        SerialBumpBar bar = new SerialBumpBar(binding, connection, profile, kitchen, watch);
        bar.reader.start();
        return bar;
    }

    private void run() {
        while (!closed) {
            SerialPort port = new SerialPort(connection.port());
            try {
                port.openPort();
                port.setParams(connection.baud() != null ? connection.baud() : keys.profile().baud(), SerialPort.DATABITS_8,
                        SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
                LOG.info("bump bar at " + keys.station() + " reads " + connection.port());
                watch.reached().accept(binding.station());
                read(port);
            } catch (SerialPortException e) {
                LOG.log(Level.FINE, "bump bar at " + keys.station() + ": " + e.getMessage(), e);
                watch.lost().accept(binding.station(), "serial port " + connection.port() + ": " + e.getExceptionType());
            } finally {
                closeQuietly(port);
            }
            sleep(RETRY_MILLIS);
        }
    }

    private void read(SerialPort port) throws SerialPortException {
        while (!closed) {
            byte[] received = port.readBytes();
            if (received == null) {
                sleep(POLL_MILLIS);
                continue;
            }
            for (byte key : received) {
                keys.press(String.valueOf((char) (key & 0xff)));
            }
        }
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
