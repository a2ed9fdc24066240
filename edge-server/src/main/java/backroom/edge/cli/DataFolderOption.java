package backroom.edge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: the data folder a command run on the box works on; else $BACKROOM_DATA_DIR, else ./data. */
final class DataFolderOption {

    @Option(names = "--data", description = "Data folder (default: $BACKROOM_DATA_DIR or ./data).")
    private Path dataDir;

    Path folder() {
        return dataDir != null ? dataDir : defaultFolder();
    }

    /** $BACKROOM_DATA_DIR, else ./data. */
    static Path defaultFolder() {
        return Path.of(System.getenv().getOrDefault("BACKROOM_DATA_DIR", "data"));
    }

    /** The user the data folder belongs to; null when there is no folder yet or it cannot be told. */
    static String ownerOf(Path data) {
        try {
            return Files.exists(data) ? Files.getOwner(data).getName() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
