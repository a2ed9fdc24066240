package backroom.edge.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
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
 * Closes a connection whose request is not answered within the idle timeout of its request line:
 * its client stopped half-way through its headers or its body. Helidon's idle timeout interrupts a
 * connection only while it waits for a request line, so "GET / HTTP/1.1" and then nothing, headers
 * sent a byte at a time, or a body of 100 declared bytes of which 7 came, held a connection (and a
 * place under the connection cap) for as long as the client liked. The box answers every request
 * in far less than an idle timeout, so only a stalled client is cut off. A refusal sent before a
 * body was read closes its connection ({@link ProblemResponses}), so Helidon does not wait for that
 * body after the answer either.
 *
 * <p>Listens to both sides of HTTP/1: the request line and headers received, the answer's status
 * sent.
 */
public final class StalledRequests implements Http1ConnectionListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StalledRequests.class.getName());

    private final long timeoutNanos;
    /** Connections between a request line and its answer, with when the line came (System.nanoTime). */
    private final Map<ConnectionContext, Long> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("stalled-requests").daemon(true).factory());

    private StalledRequests(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** Looks for stalled connections every {@code checkEvery}. */
    public static StalledRequests start(Duration timeout, Duration checkEvery) {
        StalledRequests stalled = new StalledRequests(timeout);
        stalled.sweep.scheduleWithFixedDelay(stalled::closeStalled, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return stalled;
    }

    @Override
    public void prologue(ConnectionContext connection, HttpPrologue prologue) {
        waiting.put(connection, System.nanoTime());
    }

    /** A WebSocket upgrade is answered outside HTTP/1's own responses: its connection is the live feed's to keep. */
    @Override
    public void headers(ConnectionContext connection, Headers headers) {
        if (headers.contains(HeaderNames.UPGRADE)) {
            waiting.remove(connection);
        }
    }

    @Override
    public void status(ConnectionContext connection, Status status) {
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
                    LOG.log(Level.FINE, "closing a connection whose request stalled", e);
                }
            }
        });
    }

    @Override
    public void close() {
        sweep.shutdownNow();
    }
}
