package backroom.edge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Bench databases live in a throw-away folder on the box's own disk, deleted after the run. */
final class BenchFolders {

    private BenchFolders() {
    }

    /** Runs {@code bench} in a new folder under {@code parent}, then deletes the folder. */
    static int inFreshFolder(Path parent, String name, Bench bench) throws Exception {
        Path folder = Files.createDirectories(parent).resolve(name + "-" + UUID.randomUUID());
        try {
            return bench.measure(folder);
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** One bench's measurements in its folder; returns the exit code. */
    @FunctionalInterface
    interface Bench {
        int measure(Path folder) throws Exception;
    }
}
