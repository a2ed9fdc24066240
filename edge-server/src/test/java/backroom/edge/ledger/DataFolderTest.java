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
            assertOwnerOnly(again.dataDir(), "box.key", "ledger.mv.db", "ledger.provisioned", "ledger.verified");
        }
    }

    @Test
    void aNewBoxsFolderIsOwnerOnlyFromItsFirstStart() throws Exception {
        try (TestBox box = TestBox.start()) {
            assertOwnerOnly(box.dataDir(), "box.key", "ledger.mv.db", "ledger.provisioned", "ledger.verified");
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

        assertThat(data.resolve("pairing-codes")).isDirectory();
        assertOwnerOnly(data, "box.key", "first-start.txt", "ledger.mv.db", "ledger.provisioned", "ledger.verified", "pairing-codes");
    }

    /**
     * The folder holds exactly the box's own files, each owner-only: naming them (not walking
     * whatever is there) keeps a stray file, such as the trace H2 writes when its assertions are
     * on, from passing unnoticed or failing the test for the wrong reason. A code the running box
     * had not yet taken from {@code pairing-codes} when it stopped may still be there.
     */
    static void assertOwnerOnly(Path dataDir, String... expected) throws Exception {
        assertThat(names(dataDir)).containsExactly(expected);
        assertThat(permissions(dataDir)).as(dataDir.toString()).isEqualTo("rwx------");
        for (String name : expected) {
            Path path = dataDir.resolve(name);
            assertThat(permissions(path)).as(name).isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
        }
        Path codes = dataDir.resolve(DataFolder.PAIRING_CODES);
        if (Files.isDirectory(codes)) {
            for (String code : names(codes)) {
                assertThat(code).matches("[0-9a-f-]{36}\\.json");
                assertThat(permissions(codes.resolve(code))).as(code).isEqualTo("rw-------");
            }
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
