package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.ChildBox;
import backroom.edge.testing.ChildBox.CommandRun;
import backroom.edge.testing.TestBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder and everything in it are the box user's alone: no other local user reads the ledger or a pairing code. */
class DataFolderTest {

    @Test
    void theDataFolderIsOwnerOnlyAndSoIsEveryFileInItAfterAStart() throws Exception {
        TestBox box = TestBox.start();
        box.api().openShift("perms");
        box.stop();
        Files.setPosixFilePermissions(box.dataDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(box.dataDir().resolve("ledger.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        try (TestBox again = TestBox.restart(box)) {
            assertOwnerOnly(again.dataDir());
        }
    }

    @Test
    void aNewBoxsFolderIsOwnerOnlyFromItsFirstStart() throws Exception {
        try (TestBox box = TestBox.start()) {
            assertThat(box.dataDir().resolve("ledger.mv.db")).exists();
            assertThat(box.dataDir().resolve("box.key")).exists();
            assertOwnerOnly(box.dataDir());
        }
    }

    @Test
    void aBoxStartedWithAnOpenUmaskStillKeepsItsFilesToItself(@TempDir Path data) throws Exception {
        try (ChildBox box = ChildBox.startIn(data, "umask 000", Map.of())) {
            box.api().openShift("umask");
            CommandRun code = ChildBox.command("pairing-code", "--data", data.toString());
            assertThat(code.exitCode()).as(code.output()).isZero();
            assertThat(box.stop()).isTrue();
        }

        assertThat(data.resolve("first-start.txt")).exists();
        assertThat(data.resolve("pairing-codes")).isDirectory();
        assertOwnerOnly(data);
    }

    static void assertOwnerOnly(Path dataDir) throws Exception {
        List<Path> everything;
        try (Stream<Path> paths = Files.walk(dataDir)) {
            everything = paths.toList();
        }
        assertThat(everything).hasSizeGreaterThan(3);
        for (Path path : everything) {
            String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString()).isEqualTo(expected);
        }
    }
}
