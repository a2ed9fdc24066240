package backroom.edge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real server as a child process (the same classes and JVM as the test), so a test can kill -9 it. */
public final class ChildBox implements AutoCloseable {

    private static final Pattern PAIRING_CODE = Pattern.compile("Pairing code: ([0-9]{6})");
    public static final String FIRST_START_FILE = "first-start.txt";

    private final Process process;
    private final Path log;
    private final int port;
    private final Api api;

    private ChildBox(Process process, Path log, int port, Path dataDir) {
        this.process = process;
        this.log = log;
        this.port = port;
        awaitServing(Duration.ofSeconds(60));
        Matcher firstStart = PAIRING_CODE.matcher(firstStartNotice(dataDir));
        this.api = firstStart.find()
                ? SignIn.firstTechnician(port, dataDir, firstStart.group(1))
                : SignIn.technicianAgain(port, dataDir);
    }

    public static ChildBox start(Path dataDir) {
        return start(dataDir, 0, Map.of());
    }

    /**
     * The box with {@code environment} added to its own, and at most {@code openFiles} file
     * descriptors ({@code ulimit -n}, soft and hard, as a service manager's LimitNOFILE would set)
     * if that is above 0.
     */
    public static ChildBox start(Path dataDir, int openFiles, Map<String, String> environment) {
        return startIn(dataDir, openFiles > 0 ? "ulimit -n " + openFiles : "", environment);
    }

    /** The box started by a shell that first runs {@code setup} ({@code "umask 000"}), as a service manager sets a process up. */
    public static ChildBox startIn(Path dataDir, String setup, Map<String, String> environment) {
        return launch(dataDir, setup, environment, List.of());
    }

    /** The box started with {@code backroom run <runArgs>} ({@code --config FILE}); the test's port and data folder still come from the environment. */
    public static ChildBox startWith(Path dataDir, Map<String, String> environment, String... runArgs) {
        return launch(dataDir, "", environment, List.of(runArgs));
    }

    private static ChildBox launch(Path dataDir, String setup, Map<String, String> environment, List<String> runArgs) {
        try {
            int port = freePort();
            Path log = Files.createTempFile("backroom-child", ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>();
            if (!setup.isEmpty()) {
                // exec: the box is the child process itself, so killing the child kills the box.
                command.addAll(List.of("bash", "-c", setup + " && exec \"$@\"", "bash"));
            }
            command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), "backroom.edge.cli.BackroomCommand", "run"));
            command.addAll(runArgs);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("BACKROOM_HTTP_PORT", Integer.toString(port));
            builder.environment().put("BACKROOM_HTTP_HOST", "127.0.0.1");
            builder.environment().put("BACKROOM_DATA_DIR", dataDir.toString());
            builder.environment().put("BACKROOM_BOOTSTRAP_PIN", SignIn.TECHNICIAN_PIN);
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                return new ChildBox(process, log, port, dataDir);
            } catch (RuntimeException | AssertionError e) {
                process.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The technician signed in on the box's first terminal. */
    public Api api() {
        return api;
    }

    /** What a one-shot command ({@code backroom <args>}) printed, and how it exited. */
    public record CommandRun(int exitCode, String output) {
    }

    /** Runs {@code backroom <args>} in its own JVM, as a technician would on the box's shell. */
    public static CommandRun command(String... args) {
        try {
            List<String> line = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), "backroom.edge.cli.BackroomCommand"));
            line.addAll(List.of(args));
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            return new CommandRun(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The file descriptors the box holds now (Linux). */
    public int openFiles() {
        try (var fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code of a box that ends by itself within {@code timeout}. */
    public int awaitOwnExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the box was still running after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, as Ctrl-C or systemd would stop it; true if the box said it closed its ledger. */
    public boolean stop() {
        process.destroy();
        awaitExit();
        return output().contains("Backroom stopped");
    }

    private void awaitExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the box if it still runs and deletes its output; its data folder is the test's to delete. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A box with no terminal puts its first start's PIN and code in an owner-only file, and says so. */
    private String firstStartNotice(Path dataDir) {
        Path notice = dataDir.resolve(FIRST_START_FILE);
        try {
            return output().contains(notice.toAbsolutePath().toString()) ? Files.readString(notice) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitServing(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains("Backroom is serving")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the box exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the box did not start within " + timeout + ":\n" + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
