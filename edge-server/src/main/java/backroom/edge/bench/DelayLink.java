package backroom.edge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A store's internet link in front of a local broker: a TCP proxy on a free loopback port that
 * holds every byte {@code oneWay} in each direction, so a round trip takes twice that, as between
 * a shop and a cloud broker. Bandwidth is not limited.
 */
final class DelayLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int brokerPort;
    private final long delayNanos;
    private volatile boolean closed;

    private DelayLink(int port, int brokerPort, Duration oneWay) throws IOException {
        this.listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.brokerPort = brokerPort;
        this.delayNanos = oneWay.toNanos();
        Thread.ofVirtual().name("delay-link").start(this::accept);
    }

    static DelayLink to(int brokerPort, Duration oneWay) {
        return on(0, brokerPort, oneWay);
    }

    /** A link listening on {@code port} (0: any free one): a box told of that port before finds its broker once the link is up. */
    static DelayLink on(int port, int brokerPort, Duration oneWay) {
        try {
            return new DelayLink(port, brokerPort, oneWay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on yet, for a link to come up on later. */
    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
                broker.setTcpNoDelay(true);
                carry(client, broker);
                carry(broker, client);
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Bytes read from {@code from} go out on {@code to} once they have waited their delay, in order. */
    private void carry(Socket from, Socket to) {
        BlockingQueue<Chunk> inFlight = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    inFlight.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException e) {
                // the other side went
            }
            inFlight.add(Chunk.END);
        });
        Thread.ofVirtual().start(() -> {
            try (OutputStream out = to.getOutputStream()) {
                for (Chunk chunk = inFlight.take(); chunk != Chunk.END; chunk = inFlight.take()) {
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side went
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private record Chunk(long due, byte[] bytes) {
        static final Chunk END = new Chunk(0, new byte[0]);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
    }
}
