package backroom.edge.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connects to the box's own port every {@value #EVERY_SECONDS} seconds, and if the connection is
 * refused (nothing listens there any more) logs it and calls {@code whenDeaf}, once.
 *
 * <p>Helidon 4.2.6 ends its accept loop for good when {@code accept()} fails, as it does when the
 * process has no file descriptor left ("Too many open files ... this server socket is terminating
 * now"). It closes the port, then its listener thread waits on itself for ever (its stop joins
 * the future that only its own loop completes), so the routing's {@code afterStop()} never runs
 * and {@code WebServer.isRunning()} stays true: the process lives on, deaf, and a service manager
 * that restarts failed services never hears of it. A refused connection is the sign that does not
 * depend on Helidon's insides. A full accept backlog does not refuse (Linux drops the SYN and the
 * probe times out), nor does a box at its connection cap (the kernel completes the handshake).
 */
public final class ListenerWatch implements AutoCloseable {

    static final int EVERY_SECONDS = 2;
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;
    private static final Logger LOG = Logger.getLogger(ListenerWatch.class.getName());

    private final InetSocketAddress listener;
    private final Runnable whenDeaf;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("listener-watch").daemon(true).factory());
    private volatile boolean done;

    /** Whether the last probe was refused; read and written by the one scheduler thread. */
    private boolean refusedBefore;

    private ListenerWatch(InetSocketAddress listener, Runnable whenDeaf) {
        this.listener = listener;
        this.whenDeaf = whenDeaf;
    }

    /** Watches the listener bound to {@code host} (any address is watched on loopback) and {@code port}. */
    public static ListenerWatch start(String host, int port, Runnable whenDeaf) {
        ListenerWatch watch = new ListenerWatch(new InetSocketAddress(reachable(host), port), whenDeaf);
        watch.schedule.scheduleWithFixedDelay(watch::check, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        return watch;
    }

    private static InetAddress reachable(String host) {
        try {
            InetAddress bound = InetAddress.getByName(host);
            return bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot watch the listener on " + host, e);
        }
    }

    /** Two probes refused in a row, each with "Connection refused" (not, say, a network that went away), mean deaf. */
    private void check() {
        try (Socket probe = new Socket()) {
            probe.connect(listener, PROBE_TIMEOUT_MILLIS);
            refusedBefore = false;
        } catch (ConnectException e) {
            boolean refused = String.valueOf(e.getMessage()).contains("refused");
            if (refused && refusedBefore) {
                deaf(e);
            }
            refusedBefore = refused;
        } catch (IOException | RuntimeException noVerdict) {
            refusedBefore = false;
            // Our own socket found no descriptor, or the backlog is full: the listener may well be there.
            LOG.log(Level.FINE, "could not probe the listener", noVerdict);
        }
    }

    private void deaf(ConnectException refused) {
        if (done) {
            return;
        }
        done = true;
        schedule.shutdown();
        LOG.severe("nothing answers on port " + listener.getPort() + " any more (" + refused.getMessage()
                + "): the listener has died and no tablet can connect");
        whenDeaf.run();
    }

    /** Stops watching: the box is closing its listener itself. Does not wait, as it may be called from within {@code whenDeaf}. */
    @Override
    public void close() {
        done = true;
        schedule.shutdownNow();
    }
}
