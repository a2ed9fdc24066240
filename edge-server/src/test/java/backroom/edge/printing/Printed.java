package backroom.edge.printing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a printer to have been sent what a test expects, and decodes it. */
final class Printed {

    static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private Printed() {
    }

    /** The tape of {@code bytes} once {@code done} holds of it; fails after 20 s showing what was printed. */
    static EscPosTape await(Supplier<byte[]> bytes, Predicate<EscPosTape> done) {
        Instant deadline = Instant.now().plus(DEADLINE);
        EscPosTape tape = soFar(bytes.get());
        while (tape == null || !done.test(tape)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not printed within " + DEADLINE.toSeconds() + " s; the printer has:\n"
                        + (tape == null ? "bytes cut off within a command" : tape.text()));
            }
            sleep(50);
            tape = soFar(bytes.get());
        }
        return tape;
    }

    /** The tape as printed so far; null while the printer is in the middle of a command (its last bytes not written yet). */
    private static EscPosTape soFar(byte[] bytes) {
        try {
            return EscPosTape.read(bytes, CP1252);
        } catch (ArrayIndexOutOfBoundsException cutWithinACommand) {
            return null;
        }
    }

    static EscPosTape awaitPages(Path file, long pages) {
        return await(() -> read(file), tape -> tape.pages() >= pages);
    }

    static byte[] read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
