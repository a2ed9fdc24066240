package backroom.edge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two linked pseudo-terminals made by socat, as a serial cable with a device on its far end: the
 * box opens {@link #boxEnd()} as its serial port, the test plays the device on the other end.
 * Without socat a test is skipped, except under CI=true, where it fails: CI installs it.
 */
public final class SocatPair implements AutoCloseable {

    private static final Path SOCAT = Path.of("/usr/bin/socat");

    private final Process process;
    private final Path boxEnd;
    private final Path deviceEnd;

    private SocatPair(Process process, Path boxEnd, Path deviceEnd) {
        this.process = process;
        this.boxEnd = boxEnd;
        this.deviceEnd = deviceEnd;
    }

    public static SocatPair start(Path dir) throws IOException, InterruptedException {
        NeededTools.require("socat", SOCAT);
        Path box = dir.resolve("box-end");
        Path device = dir.resolve("device-end");
        Process process = new ProcessBuilder(SOCAT.toString(), "pty,raw,echo=0,link=" + box, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        for (int i = 0; i < 250 && !(Files.exists(box) && Files.exists(device)); i++) {
            Thread.sleep(20);
        }
        if (!Files.exists(box) || !Files.exists(device)) {
            process.destroyForcibly();
            throw new IllegalStateException("socat made no pty pair within 5 s; see " + dir.resolve("socat.log"));
        }
        return new SocatPair(process, box, device);
    }

    public Path boxEnd() {
        return boxEnd;
    }

    /** A device on the far end of the cable: reads what the box sends, and may answer. */
    public interface Device {
        void play(InputStream fromBox, OutputStream toBox) throws IOException;
    }

    /** Plays {@code device} on the far end, on a thread of its own, until the cable goes away with the test. */
    public Thread play(Device device) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (InputStream in = Files.newInputStream(deviceEnd); OutputStream out = Files.newOutputStream(deviceEnd)) {
                device.play(in, out);
            } catch (IOException e) {
                // socat went away with the test
            }
        });
    }

    /** Sends {@code keys} from the device's end, as the device would. */
    public void send(String keys) {
        try (OutputStream out = Files.newOutputStream(deviceEnd)) {
            out.write(keys.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
