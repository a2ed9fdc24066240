package backroom.edge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the footprint bench started, as a service manager starts the box: its own process, the
 * flags given, output to a file. Reads what Linux says of it: resident memory ({@code VmRSS} in
 * {@code /proc/PID/status}) and bytes it had written to disk ({@code write_bytes} in {@code /proc/PID/io}).
 */
final class BoxProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final long startedNanos;

    private BoxProcess(Process process, Path log, int port, long startedNanos) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /** {@code java FLAGS -cp CLASSPATH MAIN ARGS}, with {@code environment} added to this process's own. */
    static BoxProcess start(List<String> flags, String main, List<String> args, Map<String, String> environment, Path log)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(args.stream().map(arg -> arg.replace("{port}", Integer.toString(port))).toList());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment.forEach((name, value) -> builder.environment().put(name, value.replace("{port}", Integer.toString(port))));
        long started = System.nanoTime();
        return new BoxProcess(builder.start(), log, port, started);
    }

    int port() {
        return port;
    }

    /** Waits until {@code GET /observe/health/ready} answers 200; returns the time from the process's start. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (readyAnswers200()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("not ready within " + timeout + "; see " + log);
    }

    private boolean readyAnswers200() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /observe/health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(12);
            return new String(status, StandardCharsets.US_ASCII).endsWith("200");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Resident memory now, in bytes. */
    long residentBytes() {
        return procField("status", "VmRSS:") * 1024;
    }

    /** Bytes this process has caused to be written to disk so far. */
    long writtenBytes() {
        return procField("io", "write_bytes:");
    }

    private long procField(String file, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), file))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
            throw new IllegalStateException(name + " is missing from /proc/" + process.pid() + "/" + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, as systemd stops the box, and waits for it to end. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
