package backroom.edge.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rule for this room (backroom.edge's package-info): it imports only rooms below it,
 * and only the composition root, the command line and the benchmarks import it, so no cycle runs through it.
 */
class BackupPackageRuleTest {

    private static final Path SOURCES = Path.of("src/main/java/backroom/edge");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?backroom\\.edge\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void backupCallsOnlyTheLedgerAccessCatalogAndWebRooms() {
        assertThat(roomsImportedBy(SOURCES.resolve("backup"))).contains("ledger").isSubsetOf("ledger", "access", "catalog", "web");
    }

    @Test
    void onlyTheCompositionRootTheCommandLineAndTheBenchmarksCallBackup() {
        Set<String> callers = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path room = SOURCES.relativize(file).getParent();
                if (!"backup".equals(String.valueOf(room)) && read(file).contains("import backroom.edge.backup.")) {
                    callers.add(room == null ? "(root)" : room.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(callers).containsExactly("(root)", "bench", "cli");
    }

    private static Set<String> roomsImportedBy(Path room) {
        Set<String> rooms = new TreeSet<>();
        try (Stream<Path> files = Files.list(room)) {
            for (Path file : files.toList()) {
                Matcher imported = IMPORT.matcher(read(file));
                while (imported.find()) {
                    rooms.add(imported.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rooms.remove("backup");
        return rooms;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
