package backroom.edge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One HTTP/1.1 request written on a raw socket, for what the JDK's client hides: a connection the
 * box has not taken yet, or a request the client gives up on half-way.
 */
public final class RawRequest implements AutoCloseable {

    private final Socket socket = new Socket();

    private RawRequest(int port, String bytes) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Sends {@code GET path} and keeps the connection open for its answer. */
    public static RawRequest get(int port, String path) {
        return send(port, "GET " + path + " HTTP/1.1\r\nHost: box\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code bytes} as they are, however little of a request they are. */
    public static RawRequest send(int port, String bytes) {
        try {
            return new RawRequest(port, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if the box answers {@code GET path} with 200 on a new connection within {@code wait}. */
    public static boolean answersOk(int port, String path, Duration wait) {
        try (RawRequest request = new RawRequest(port, "GET " + path + " HTTP/1.1\r\nHost: box\r\nConnection: close\r\n\r\n")) {
            return request.statusLine(wait).filter(line -> line.startsWith("HTTP/1.1 200")).isPresent();
        } catch (IOException refused) {
            return false;
        }
    }

    /** The first line of the box's answer, or empty if none came within {@code wait} or the box closed the connection. */
    public Optional<String> statusLine(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.size() == 0 ? Optional.empty() : Optional.of(line.toString(StandardCharsets.US_ASCII).strip());
        } catch (IOException timedOutOrReset) {
            return Optional.empty();
        }
    }

    /** True once the box has closed this connection (end of stream), waiting up to {@code wait}. */
    public boolean closedByBox(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // an answer, if any, is not what this asks about
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Keeps sending one more byte of a body every {@code every}, in the background, until the connection closes. */
    public void trickle(Duration every) {
        Thread.ofVirtual().start(() -> {
            try {
                while (!socket.isClosed()) {
                    Thread.sleep(every.toMillis());
                    socket.getOutputStream().write('x');
                    socket.getOutputStream().flush();
                }
            } catch (IOException | InterruptedException closed) {
                // the box closed it, or the test did
            }
        });
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to close
        }
    }
}
