package backroom.edge.printing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network printer on a free loopback port standing in for port 9100: it takes any number of
 * connections, one after another, records what they send and answers status. It can die (the
 * port then refuses) and come back on the same port.
 */
final class TcpPrinter extends PrinterPeer implements AutoCloseable {

    private final int port;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    private TcpPrinter(ServerSocket server) {
        this.server = server;
        this.port = server.getLocalPort();
        accept(server);
    }

    static TcpPrinter start() throws IOException {
        return new TcpPrinter(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** The binding of a role on this printer: {@code tcp:127.0.0.1:PORT} with short time-outs. */
    String connection() {
        return connection(500);
    }

    /** The binding with the box waiting up to {@code replyMs} for each status answer. */
    String connection(int replyMs) {
        return "tcp:127.0.0.1:" + port + "?connectMs=500&replyMs=" + replyMs;
    }

    /** Unplugged: the port refuses, and what was connected is cut. */
    void die() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }

    /** Plugged back in on the same port. */
    void revive() throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        accept(server);
    }

    private void accept(ServerSocket listening) {
        Thread.ofVirtual().start(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket socket = listening.accept();
                    connections.add(socket);
                    Thread.ofVirtual().start(() -> {
                        try (socket) {
                            serve(socket.getInputStream(), socket.getOutputStream());
                        } catch (IOException e) {
                            // the box hung up, or the test cut the line
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        die();
    }
}
