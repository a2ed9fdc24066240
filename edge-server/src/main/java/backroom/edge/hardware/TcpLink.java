package backroom.edge.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A network printer on its raw port (9100), on our own socket: escpos-coffee's stream has no
 * connect time-out and loses errors in a background thread. A connect, a write and an answer each
 * have a time-out; a write that has not finished in time closes the socket, which fails it.
 */
final class TcpLink implements DeviceLink {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tcp-printer-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final Duration replyTimeout;

    private TcpLink(Socket socket, Duration replyTimeout) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.replyTimeout = replyTimeout;
    }

    static TcpLink open(Connection.Tcp tcp) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(tcp.host(), tcp.port()), (int) tcp.connectTimeout().toMillis());
            socket.setSoTimeout((int) tcp.replyTimeout().toMillis());
            return new TcpLink(socket, tcp.replyTimeout());
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot reach printer at " + tcp.host() + ":" + tcp.port() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        ScheduledFuture<?> deadline = WATCHDOG.schedule(this::close, replyTimeout.toMillis() + bytes.length / 10, TimeUnit.MILLISECONDS);
        try {
            out.write(bytes);
            out.flush();
        } finally {
            deadline.cancel(false);
        }
    }

    @Override
    public OptionalInt ask(int n) throws IOException {
        while (in.available() > 0) {
            in.skip(in.available());
        }
        out.write(new byte[] {0x10, 0x04, (byte) n});
        out.flush();
        try {
            int answer = in.read();
            if (answer < 0) {
                throw new IOException("the printer closed the connection");
            }
            return OptionalInt.of(answer);
        } catch (SocketTimeoutException e) {
            throw new IOException("the printer did not answer DLE EOT " + n + " within " + replyTimeout.toMillis() + " ms", e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }
}
