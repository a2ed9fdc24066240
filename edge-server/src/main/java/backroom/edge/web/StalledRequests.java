package backroom.edge.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes a connection whose request is not whole within the idle timeout of its request line: its
 * client stopped half-way through its headers or its body. Helidon's idle timeout interrupts a
 * connection only while it waits for a request line, so "GET / HTTP/1.1" and then nothing, headers
 * sent a byte at a time, or a body of 100 declared bytes of which 7 came, held a connection (and a
 * place under the connection cap) for as long as the client liked.
 *
 * <p>A request without a body is done once it is answered. One that declared a body stays watched
 * after its answer until the next request line: Helidon reads a body the handler left unread
 * before the next request, however slowly it comes (a refusal sent before its body was read says
 * {@code Connection: close} so that it does not, {@link ProblemResponses}). Its connection is then
 * closed one idle timeout after its request line if no other request follows, as Helidon's idle
 * timeout would have closed it. A WebSocket upgrade (no body, as Helidon upgrades only those) is
 * the live feed's to keep.
 *
 * <p>Listens to both sides of HTTP/1: the request line and headers received, the answer's status
 * sent.
 */
public final class StalledRequests implements Http1ConnectionListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StalledRequests.class.getName());

    private final long timeoutNanos;
    /** Connections between a request line and its end, with when the line came (System.nanoTime). */
    private final Map<ConnectionContext, Long> waiting = new ConcurrentHashMap<>();
    /** Connections whose current request declared a body. */
    private final Set<ConnectionContext> withBody = ConcurrentHashMap.newKeySet();
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
        withBody.remove(connection);
        waiting.put(connection, System.nanoTime());
    }

    @Override
    public void headers(ConnectionContext connection, Headers headers) {
        boolean body = headers.contains(HeaderNames.CONTENT_LENGTH) && !headers.contains(HeaderValues.CONTENT_LENGTH_ZERO)
                || headers.contains(HeaderValues.TRANSFER_ENCODING_CHUNKED);
        if (body) {
            withBody.add(connection);
        } else if (headers.contains(HeaderNames.UPGRADE)) {
            waiting.remove(connection);
        }
    }

    @Override
    public void status(ConnectionContext connection, Status status) {
        if (!withBody.contains(connection)) {
            waiting.remove(connection);
        }
    }

    /** A connection its client closed half-way is closed again here, harmlessly, and forgotten. */
    private void closeStalled() {
        long now = System.nanoTime();
        waiting.forEach((connection, since) -> {
            if (now - since > timeoutNanos && waiting.remove(connection, since)) {
                withBody.remove(connection);
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
