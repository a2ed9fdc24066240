package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.cli.BackroomCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A ledger that cannot be trusted is never opened read-write, deleted or recreated: the box refuses to start. */
class DamagedLedgerTest {

    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void provisionABoxWithFiveEntries() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            for (int i = 1; i <= 5; i++) {
                int n = i;
                db.writer().submit((handle, ledger) -> ledger.append("sale.completed", Map.of("n", n)));
            }
        }
        file = dir.resolve("ledger.mv.db");
    }

    @Test
    void aFileWithBothHeadersDestroyedIsRefusedAndLeftAsItWas() throws Exception {
        overwrite(0, new byte[8192]);
        String before = digest(file);

        assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("corrupted")
                .hasMessageContaining("restore from a backup");
        assertThat(digest(file)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("ledger.mv.db", "ledger.provisioned", "ledger.verified");
    }

    @Test
    void aFileCutShortIsRefusedAndNotRewritten() throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(8192);
        }
        String before = digest(file);

        assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC())).isInstanceOf(LedgerDamagedException.class);
        assertThat(digest(file)).isEqualTo(before);
    }

    /** What H2 itself does with some damage: it falls back to an older consistent state. */
    @Test
    void aFileThatWentBackToAnOlderStateIsRefused() throws Exception {
        Path older = dir.resolve("older.mv.db");
        Files.copy(file, older);
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            db.writer().submit((handle, ledger) -> ledger.append("sale.completed", Map.of("n", 6)));
        }
        Files.move(older, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("no longer holds entry 6");
    }

    @Test
    void anEmptyFileOnAProvisionedBoxIsRefused() throws Exception {
        Files.write(file, new byte[0]);

        assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("the file is empty");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aMissingFileOnAProvisionedBoxIsRefusedNotRecreated() throws Exception {
        Files.delete(file);

        assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("the file is missing");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("ledger.provisioned", "ledger.verified");
    }

    @Test
    void aForgedEntryAfterTheVerifiedPointStopsTheStart() {
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            handle.execute("INSERT INTO ledger (seq, type, occurred_at, payload, prev_hash, hash) VALUES "
                    + "(6, 'sale.voided', CURRENT_TIMESTAMP, '{}', '" + "0".repeat(64) + "', '" + "0".repeat(64) + "')");
        }

        assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageStartingWith("The ledger database " + dir.resolve("ledger.mv.db").toAbsolutePath() + " cannot be used: ")
                .hasMessageContaining("breaks at entry 6");
    }

    /** A ledger whose verified point was never recorded (one made before V004) is walked from its first entry. */
    @Test
    void aLedgerWithoutAVerifiedPointIsWalkedWholeAtStartUp() {
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            handle.execute("DELETE FROM ledger_verified");
            handle.execute("DROP TRIGGER ledger_append_only");
            handle.execute("UPDATE ledger SET payload = '{\"n\":30}' WHERE seq = 3");
        }

        assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("breaks at entry 3: hash does not match");
    }

    @Test
    void aLedgerRefusedAtStartUpIsLetGoForWhoeverRepairsIt() throws Exception {
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            handle.execute("INSERT INTO ledger (seq, type, occurred_at, payload, prev_hash, hash) VALUES "
                    + "(6, 'sale.voided', CURRENT_TIMESTAMP, '{}', '" + "0".repeat(64) + "', '" + "0".repeat(64) + "')");
        }

        assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC())).isInstanceOf(LedgerDamagedException.class);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            assertThat(lock).as("nothing in this process still holds the refused database").isNotNull();
        }
    }

    @Test
    void entriesLostBelowTheVerifiedPointStopTheStart() {
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            handle.execute("DROP TRIGGER ledger_append_only");
            handle.execute("DELETE FROM ledger WHERE seq > 3");
        }

        assertThatThrownBy(() -> LedgerDatabase.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("lost");
    }

    @Test
    void theCommandLineSaysWhyItRefusesAndExitsNonZero() throws Exception {
        overwrite(0, new byte[8192]);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new BackroomCommand()).execute("run", "--data", dir.toString());
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Backroom refuses to start")
                .contains(file.toAbsolutePath().toString())
                .contains("copy your newest backup");
    }

    private void overwrite(long offset, byte[] bytes) throws IOException {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(bytes);
        }
    }

    private static String digest(Path path) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
