package backroom.edge.web;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes a connection whose client sent a request line and then not the rest of its headers within
 * the idle timeout. Helidon's idle timeout interrupts a connection only while it waits for a
 * request line, so "GET / HTTP/1.1" and then nothing, or headers sent a byte at a time, held a
 * connection (and a place under the connection cap) for as long as the client liked.
 */
public final class StalledHeaders implements Http1ConnectionListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StalledHeaders.class.getName());

    private final long timeoutNanos;
    /** Connections between their request line and the end of their headers, with when the line came (System.nanoTime). */
    private final Map<ConnectionContext, Long> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("stalled-headers").daemon(true).factory());

    private StalledHeaders(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** Looks for stalled connections every {@code checkEvery}. */
    public static StalledHeaders start(Duration timeout, Duration checkEvery) {
        StalledHeaders stalled = new StalledHeaders(timeout);
        stalled.sweep.scheduleWithFixedDelay(stalled::closeStalled, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return stalled;
    }

    @Override
    public void prologue(ConnectionContext connection, HttpPrologue prologue) {
        waiting.put(connection, System.nanoTime());
    }

    @Override
    public void headers(ConnectionContext connection, Headers headers) {
        waiting.remove(connection);
    }

    /** A connection its client closed half-way is closed again here, harmlessly, and forgotten. */
    private void closeStalled() {
        long now = System.nanoTime();
        waiting.forEach((connection, since) -> {
            if (now - since > timeoutNanos && waiting.remove(connection, since)) {
                try {
                    connection.serverSocket().close();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "closing a connection whose headers stalled", e);
                }
            }
        });
    }

    @Override
    public void close() {
        sweep.shutdownNow();
    }
}
