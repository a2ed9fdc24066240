package backroom.edge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code backroom hq} in a process of its own, held to the cores HQ is given ({@code taskset}): HQ
 * runs on its own machine in the field, so on a bench machine it must not take the cores of the
 * box whose sales are being timed, nor be starved by them.
 */
final class HqSinkProcess implements AutoCloseable {

    private final Process process;

    private HqSinkProcess(Process process) {
        this.process = process;
    }

    static HqSinkProcess start(Path dir, String jdbcUrl, String brokerUrl, String storeLine, String cores)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path stores = Files.writeString(dir.resolve("stores.txt"), storeLine + "\n");
        Path log = dir.resolve("hq.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("java.class.path");
        Process process = new ProcessBuilder(List.of("taskset", "-c", cores, java, "-jar", jar, "hq", "--db", jdbcUrl,
                "--broker", brokerUrl, "--stores", stores.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HqSinkProcess sink = new HqSinkProcess(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("hq: landing batches")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                sink.close();
                throw new IllegalStateException("the HQ sink did not start; see " + log);
            }
            Thread.sleep(50);
        }
        return sink;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
