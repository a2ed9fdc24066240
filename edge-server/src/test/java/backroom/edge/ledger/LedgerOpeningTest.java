package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the ledger: the settings it runs with, the checks at start-up, the folder it lives in. */
class LedgerOpeningTest {

    @TempDir
    Path dir;

    @Test
    void theLedgerRunsWithWriteDelayZero() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            List<String> delay = db.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'").mapTo(String.class).list());
            assertThat(delay).as("every commit handed to the OS at once").isNotEmpty().containsOnly("0");
        }
    }

    @Test
    void aLedgerOfOneEntryOpensAgain() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 1)));
        }
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            assertThat(db.writer().head().seq()).isEqualTo(1);
            assertThat(db.jdbi().withHandle(VerifiedPoint::read).seq()).isEqualTo(1);
        }
    }

    @Test
    void aProvisionedLedgerWithoutItsVerifiedFileOpensAndWritesItAgain() throws Exception {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 1)));
        }
        Files.delete(dir.resolve("ledger.verified"));

        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            assertThat(db.writer().head().seq()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("ledger.verified"))).startsWith("1 ");
    }

    @Test
    void aLedgerFileLockedByAnotherHolderIsRefusedAsInUse() throws Exception {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 1)));
        }
        Path file = dir.resolve("ledger.mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC()))
                    .isInstanceOf(LedgerInUseException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("in use");
        }
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            assertThat(db.writer().head().seq()).as("nothing was changed").isEqualTo(1);
        }
    }

    @Test
    void aDataFolderNotThereYetIsMadeOwnerOnlyAllTheWayDown() throws Exception {
        Path nested = dir.resolve("srv").resolve("backroom");

        try (LedgerDatabase db = LedgerDatabase.open(nested, Clock.systemUTC())) {
            assertThat(db.writer().head().seq()).isZero();
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("srv"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(nested)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aDataFolderThatAlreadyExistsOpenToOthersIsMadeOwnerOnly() throws Exception {
        Path existing = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));

        DataFolder.create(existing);

        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void restrictingTheFolderCoversTheLedgerFilesAndTheWaitingPairingCodes() throws Exception {
        Files.createDirectories(dir.resolve(DataFolder.PAIRING_CODES));
        Path code = Files.writeString(dir.resolve(DataFolder.PAIRING_CODES).resolve("a.json"), "{}");
        Path ledger = Files.writeString(dir.resolve("ledger.verified"), "0 x\n");
        Path other = Files.writeString(dir.resolve("notes.txt"), "left alone");
        for (Path path : List.of(dir, dir.resolve(DataFolder.PAIRING_CODES))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path path : List.of(code, ledger, other)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }

        DataFolder.restrictToOwner(dir);

        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve(DataFolder.PAIRING_CODES))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(code)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(ledger)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(other)).as("not the box's").isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void readersMayHoldMoreConnectionsAtOnceThanAPlainPoolAllows() throws Exception {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 24; i++) {
                    held.add(db.jdbi().open().getConnection());
                }
                assertThat(held).hasSize(24);
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }
    }
}
