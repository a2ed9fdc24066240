package backroom.edge.web;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * How many connections the box takes at once. Helidon accepts no connection past the cap: later
 * ones wait in the kernel's accept backlog, holding none of the box's file descriptors, until a
 * connection closes (idle ones are closed after the idle timeout). Each connection taken holds a
 * descriptor, and when {@code accept()} finds none left Helidon's listener ends for good; so unless
 * the technician sets a number, the cap stays within what the open-file limit leaves after the
 * descriptors held at start-up and a reserve.
 */
public final class ConnectionCap {

    public static final int DEFAULT = 500;
    /**
     * Kept back for what the box opens after start-up: jars as their classes first load, the
     * database's files, outgoing links (printers, HQ), the listener watch's probe. A box holds
     * about 70 descriptors once serving (about 90 on the tests' long classpath).
     */
    static final int RESERVE = 128;
    /** Taken even when the limit leaves room for fewer: a box that serves a few tablets beats one that serves none. */
    static final int FEWEST = 16;

    private static final Logger LOG = Logger.getLogger(ConnectionCap.class.getName());

    private ConnectionCap() {
    }

    /**
     * {@code asked} if the technician set {@code BACKROOM_MAX_CONNECTIONS}, even above what the
     * descriptors allow (with a warning: a flood can then exhaust them, and the box exits for its
     * service manager to restart it); else {@value #DEFAULT}, or fewer if the descriptors allow fewer.
     */
    public static int choose(OptionalInt asked, Optional<OpenFiles> files) {
        long room = files.map(f -> f.leftAfter(RESERVE)).orElse(Long.MAX_VALUE);
        if (asked.isPresent()) {
            if (asked.getAsInt() > room) {
                LOG.warning("BACKROOM_MAX_CONNECTIONS=" + asked.getAsInt() + " is more than the " + Math.max(room, 0)
                        + " connections the open-file limit leaves room for (" + files.orElseThrow() + ", " + RESERVE
                        + " kept back): a flood of connections can use up the file descriptors; the box then exits"
                        + " for its service manager to restart it");
            }
            return asked.getAsInt();
        }
        if (room < FEWEST) {
            LOG.warning("the open-file limit leaves room for " + Math.max(room, 0) + " connections (" + files.orElseThrow() + ", "
                    + RESERVE + " kept back); taking " + FEWEST + " anyway. Raise the limit (ulimit -n, or LimitNOFILE in the systemd unit)");
            return FEWEST;
        }
        return (int) Math.min(DEFAULT, room);
    }
}
