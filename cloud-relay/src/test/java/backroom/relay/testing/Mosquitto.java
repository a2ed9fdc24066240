package backroom.relay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker on a free loopback port, started by a test that must be able to kill it
 * ({@code kill -9}) and start it again on the same port. It keeps nothing on disk. Fails, never
 * skips, when {@code mosquitto} is not installed.
 */
public final class Mosquitto implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path config;
    private final Path log;
    private final int port;
    private final String scheme;
    private Process process;

    private Mosquitto(Path dir, int port, String scheme, String extraConfig) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install the mosquitto package (.ci/run does)");
        }
        this.port = port;
        this.scheme = scheme;
        this.config = dir.resolve("mosquitto-" + port + ".conf");
        this.log = dir.resolve("mosquitto-" + port + ".log");
        // user root: started as root, Mosquitto would otherwise become user mosquitto, who cannot read the test's files.
        write(config, "listener " + port + " 127.0.0.1\npersistence false\nmax_queued_messages 100000\nmax_inflight_messages 0\n"
                + "user root\n" + extraConfig);
        start();
    }

    /** A broker anyone on loopback may use. */
    public static Mosquitto start(Path dir) {
        return new Mosquitto(dir, freePort(), "tcp", "allow_anonymous true\n");
    }

    /** A broker that speaks only TLS, with {@code tls}'s certificate, and lets in only the users of its password file. */
    public static Mosquitto startTls(Path dir, TlsFiles tls) {
        return new Mosquitto(dir, freePort(), "ssl", tls.mosquittoConfig());
    }

    public String url() {
        return scheme + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** {@code kill -9}: every connection drops at once, and every message the broker held is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the broker again on the same port. */
    public void start() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mosquitto exited: " + read(log));
                }
                sleep(20);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s: " + read(log));
    }

    @Override
    public void close() {
        kill();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
