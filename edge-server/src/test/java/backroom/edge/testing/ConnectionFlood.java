package backroom.edge.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw TCP connections to the box that send nothing, as a flood of clients that connect and wait
 * would. Opening stops at the first connection the box refuses; closing the flood closes them all.
 */
public final class ConnectionFlood implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();

    private ConnectionFlood() {
    }

    public static ConnectionFlood open(int port, int connections) {
        ConnectionFlood flood = new ConnectionFlood();
        for (int i = 0; i < connections; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                flood.sockets.add(socket);
            } catch (IOException refused) {
                closeQuietly(socket);
                break;
            }
        }
        return flood;
    }

    /** How many connections were made before the box refused one, if it did. */
    public int opened() {
        return sockets.size();
    }

    @Override
    public void close() {
        sockets.forEach(ConnectionFlood::closeQuietly);
        sockets.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a flood's socket can only fail if it is gone already
        }
    }
}
