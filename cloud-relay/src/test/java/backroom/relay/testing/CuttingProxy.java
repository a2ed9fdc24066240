package backroom.relay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free loopback port in front of a broker, as a store's flaky internet link:
 * {@link #cut()} drops every connection through it at once, mid-message if one is under way, and
 * each direction is held to {@code bytesPerSecond}, so a drain lasts long enough to be cut often.
 */
public final class CuttingProxy implements AutoCloseable {

    private static final int CHUNK = 4_096;

    private final ServerSocket listener;
    private final int targetPort;
    private final long nanosPerChunk;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile boolean closed;

    private CuttingProxy(int targetPort, long bytesPerSecond) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.nanosPerChunk = 1_000_000_000L * CHUNK / bytesPerSecond;
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    public static CuttingProxy to(int brokerPort, long bytesPerSecond) {
        try {
            return new CuttingProxy(brokerPort, bytesPerSecond);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + listener.getLocalPort();
    }

    /** Drops every connection through the proxy; new ones are taken as before. */
    public void cut() {
        cuts.incrementAndGet();
        open.forEach(CuttingProxy::closeQuietly);
        open.clear();
    }

    public int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(broker);
                Thread.ofVirtual().start(() -> pump(client, broker));
                Thread.ofVirtual().start(() -> pump(broker, client));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            long next = System.nanoTime();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
                next += nanosPerChunk * read / CHUNK;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (IOException | InterruptedException e) {
            // cut, or the other side closed: the pair goes
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cut();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
