package backroom.edge.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.Box;
import backroom.edge.access.BoxKey;
import backroom.edge.ledger.LedgerFolder;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import backroom.edge.web.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A restore refuses what it cannot trust, before it touches the data folder: a file that is not
 * a backup, a damaged or cut-off one, one whose manifest was changed, whose ledger was changed
 * (even with its checksum made to match), or that carries another box's key. Each refusal leaves
 * the box's folder byte for byte as it was, and makes no folder where there was none.
 */
class BackupRefusalTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static TestBox box;
    private static Path backup;
    private static Path work;
    private static Map<String, String> before;

    @BeforeAll
    static void aStoppedBoxWithSalesAndItsBackup() throws Exception {
        box = TestBox.start();
        String shift = box.api().openShift("r1");
        for (int i = 0; i < 3; i++) {
            box.api().ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));
        }
        box.stop();
        work = Files.createTempDirectory("backup-refusals");
        backup = work.resolve("good.zip");
        Backup.ofStoppedBox(box.dataDir(), backup, CLOCK);
        before = contents(box.dataDir());
    }

    @AfterAll
    static void removeTheFolders() {
        box.deleteData();
        Backup.deleteFolder(work);
    }

    @Test
    void theGoodBackupIsOneTheseChecksPass() {
        Path somewhereNew = work.resolve("check-of-the-good-one");
        Restore.Restored restored = Restore.restore(backup, somewhereNew, Box.tableAudits(), CLOCK);
        assertThat(restored.manifest().headSeq()).isEqualTo(StoredEntry.all(box.dataDir()).size());
        Backup.deleteFolder(somewhereNew);
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path text = Files.writeString(work.resolve("notes.zip"), "not a backup");
        refused(text, "is not a Backroom backup this box can restore: it is not a zip file");
    }

    @Test
    void aBackupCutOffHalfWayIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(backup);
        Path half = Files.write(work.resolve("half.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
        refused(half, "is not a Backroom backup this box can restore: it is not a zip file");
    }

    @Test
    void aZipWithoutTheBoxKeyIsRefused() throws Exception {
        Path noKey = rewritten("no-key.zip", entries -> {
            entries.remove(BoxKey.FILE_NAME);
            return entries;
        });
        refused(noKey, "it holds [ledger.mv.db, manifest.json] where a backup holds [box.key, ledger.mv.db, manifest.json]");
    }

    @Test
    void aManifestOfAnotherFormatIsRefused() throws Exception {
        Path later = rewritten("format-2.zip", entries -> withManifest(entries, manifest(entries).replace("\"format\":1", "\"format\":2")));
        refused(later, "its format is 2; this box reads format 1");
    }

    @Test
    void aManifestNamingAnotherHeadIsRefused() throws Exception {
        Manifest real = BackupArchive.manifestOf(backup);
        Path forged = rewritten("forged-head.zip", entries -> withManifest(entries,
                manifest(entries).replace("\"headSeq\":" + real.headSeq(), "\"headSeq\":" + (real.headSeq() + 5))));
        refused(forged, "the backup's ledger ends at entry " + real.headSeq() + " (hash " + real.headHash()
                + ") but its manifest names entry " + (real.headSeq() + 5) + " (hash " + real.headHash() + ")");
    }

    @Test
    void aLedgerChangedAfterTheBackupIsRefusedByItsChecksum() throws Exception {
        Path changed = rewritten("changed-bytes.zip", entries -> {
            byte[] database = entries.get(LedgerFolder.DATABASE).clone();
            database[database.length - 100] ^= 1;
            entries.put(LedgerFolder.DATABASE, database);
            return entries;
        });
        refused(changed, "its ledger.mv.db is not the one its manifest describes");
    }

    @Test
    void anEntryRewrittenWithTheChecksumMadeToMatchIsRefusedByTheChain() throws Exception {
        Path forged = rewritten("forged-entry.zip", entries -> withDatabase(entries, tampered(entries.get(LedgerFolder.DATABASE),
                "UPDATE ledger SET payload = REPLACE(payload, '\"grandTotal\":69000', '\"grandTotal\":1') WHERE type = 'sale.completed'")));
        long firstSale = StoredEntry.all(box.dataDir()).stream().filter(entry -> entry.type().equals("sale.completed"))
                .findFirst().orElseThrow().seq();
        refused(forged, "the backup's ledger does not verify: the hash chain breaks at entry " + firstSale
                + ": hash does not match the entry's contents (the row was changed)");
    }

    @Test
    void aTableRowChangedWithTheChecksumMadeToMatchIsRefusedByTheAudit() throws Exception {
        Path forged = rewritten("forged-table.zip", entries -> withDatabase(entries,
                tampered(entries.get(LedgerFolder.DATABASE), "UPDATE sales SET grand_total = 1")));
        refused(forged, "the backup's ledger does not verify: a table no longer agrees with the ledger: sales row id ");
    }

    @Test
    void entriesCutOffItsEndWithTheManifestMadeToMatchAreRefusedByTheVerifiedPoint() throws Exception {
        long head = StoredEntry.all(box.dataDir()).size();
        Path forged = rewritten("cut-off-entries.zip", entries -> {
            withDatabase(entries, tampered(entries.get(LedgerFolder.DATABASE), "DELETE FROM ledger WHERE seq = " + head));
            return withManifest(entries, manifest(entries).replace("\"headSeq\":" + head, "\"headSeq\":" + (head - 1)));
        });
        refused(forged, "the database's verified point says entry " + head + " was verified, but the ledger ends at entry "
                + (head - 1) + ": entries were removed");
    }

    @Test
    void aLedgerAnotherProcessHoldsIsNotRestoredOver() throws Exception {
        try (FileChannel held = FileChannel.open(box.dataDir().resolve(LedgerFolder.DATABASE), StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = held.lock()) {
            assertThat(BackupSpool.boxRuns(box.dataDir())).isTrue();
            assertThatThrownBy(() -> Restore.restore(backup, box.dataDir(), Box.tableAudits(), CLOCK))
                    .isInstanceOf(BackupException.class)
                    .hasMessage("A box is running on the data folder " + box.dataDir().toAbsolutePath() + " (it holds "
                            + box.dataDir().toAbsolutePath().resolve(LedgerFolder.DATABASE) + "): stop it first (systemctl stop backroom),"
                            + " then restore");
            assertThat(contents(box.dataDir())).isEqualTo(before);
        }
        assertThat(BackupSpool.boxRuns(box.dataDir())).isFalse();
    }

    @Test
    void aBackupOfAStoppedBoxHoldsItsWholeLedgerAndItsKey() throws Exception {
        Path file = work.resolve("stopped.zip");
        Manifest made = Backup.ofStoppedBox(box.dataDir(), file, CLOCK);

        assertThat(made).isEqualTo(BackupArchive.manifestOf(file));
        assertThat(made.headSeq()).isEqualTo(StoredEntry.all(box.dataDir()).size());
        assertThat(made.headHash()).isEqualTo(StoredEntry.all(box.dataDir()).getLast().hash());
        Path unpacked = Files.createDirectories(work.resolve("unpacked"));
        BackupArchive.unpack(file, unpacked);
        assertThat(Files.readAllBytes(unpacked.resolve(BoxKey.FILE_NAME))).isEqualTo(Files.readAllBytes(box.dataDir().resolve(BoxKey.FILE_NAME)));
        assertThat(StoredEntry.all(unpacked)).isEqualTo(StoredEntry.all(box.dataDir()));
        assertThat(contents(box.dataDir())).isEqualTo(before);
    }

    @Test
    void noBackupIsMadeOfALedgerBesideAKeyItWasNotMadeWith() throws Exception {
        Path copy = work.resolve("copied-with-another-key");
        Files.createDirectories(copy);
        Files.copy(box.dataDir().resolve(LedgerFolder.DATABASE), copy.resolve(LedgerFolder.DATABASE));
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        Files.writeString(copy.resolve(BoxKey.FILE_NAME), Base64.getEncoder().encodeToString(otherKey) + "\n");
        Path target = work.resolve("never-made.zip");

        assertThatThrownBy(() -> Backup.ofStoppedBox(copy, target, CLOCK))
                .isInstanceOf(BackupException.class)
                .hasMessage(copy.resolve(BoxKey.FILE_NAME).toAbsolutePath() + " is not the key this ledger's PINs and pairing codes"
                        + " were hashed with");
        assertThat(target).doesNotExist();
        assertThat(BackupRestoreTest.names(work)).noneMatch(name -> name.startsWith(".never-made") || name.startsWith("never-made"));
    }

    @Test
    void aBackupThatCannotBeWrittenLeavesNothingUnderItsName() throws Exception {
        Path target = work.resolve("never.zip");
        assertThatThrownBy(() -> BackupArchive.copy(work.resolve("no-such-backup.zip"), target))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("cannot write " + target + ": java.nio.file.NoSuchFileException");
        assertThat(target).doesNotExist();
        assertThat(work.resolve("never.zip.part")).doesNotExist();
    }

    @Test
    void eachRestoreSetsAsideWhatWasThereInAFolderOfItsOwnEvenWithinOneSecond() throws Exception {
        Clock stopped = Clock.fixed(java.time.Instant.parse("2026-12-05T03:00:00Z"), java.time.ZoneOffset.UTC);
        Path data = work.resolve("restored-thrice");
        assertThat(Restore.restore(backup, data, Box.tableAudits(), stopped).setAside()).isNull();
        assertThat(Restore.restore(backup, data, Box.tableAudits(), stopped).setAside())
                .isEqualTo(data.resolve("before-restore-20261205T030000Z"));
        assertThat(Restore.restore(backup, data, Box.tableAudits(), stopped).setAside())
                .isEqualTo(data.resolve("before-restore-20261205T030000Z-2"));
        assertThat(BackupRestoreTest.names(data.resolve("before-restore-20261205T030000Z-2")))
                .containsExactly("box.key", "ledger.mv.db", "ledger.provisioned", "ledger.verified");
        Backup.deleteFolder(data);
    }

    @Test
    void anotherBoxsKeyIsRefused() throws Exception {
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        Path swapped = rewritten("other-key.zip", entries -> {
            entries.put(BoxKey.FILE_NAME, (Base64.getEncoder().encodeToString(otherKey) + "\n").getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        refused(swapped, "the backup's box.key is not the key its ledger's PINs and pairing codes were hashed with");
    }

    @Test
    void aFileThatIsNotThereIsRefused() {
        refused(work.resolve("missing.zip"), "missing.zip is not a file");
    }

    /** Refused with {@code message} in its message, over the box's own folder and into a new one: neither changes. */
    private static void refused(Path file, String message) {
        assertThatThrownBy(() -> Restore.restore(file, box.dataDir(), Box.tableAudits(), CLOCK))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining(message);
        assertThat(contents(box.dataDir())).isEqualTo(before);
        Path fresh = work.resolve("fresh");
        assertThatThrownBy(() -> Restore.restore(file, fresh, Box.tableAudits(), CLOCK))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining(message);
        assertThat(fresh).doesNotExist();
    }

    /** The good backup with its entries changed by {@code change}, written as {@code name}. */
    private static Path rewritten(String name, UnaryOperator<Map<String, byte[]>> change) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        Path file = work.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : change.apply(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** The entries with {@code database} in place of theirs, and a manifest whose checksum a forger made to match it. */
    private static Map<String, byte[]> withDatabase(Map<String, byte[]> entries, byte[] database) {
        entries.put(LedgerFolder.DATABASE, database);
        return withManifest(entries, manifest(entries).replaceAll("\"ledgerSha256\":\"[0-9a-f]+\"",
                "\"ledgerSha256\":\"" + sha256(database) + "\""));
    }

    private static String manifest(Map<String, byte[]> entries) {
        return new String(entries.get(BackupArchive.MANIFEST), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> withManifest(Map<String, byte[]> entries, String manifest) {
        Json.read(manifest);
        entries.put(BackupArchive.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    /** The database with {@code sql} run on it by someone who first drops the append-only trigger. */
    private static byte[] tampered(byte[] database, String sql) {
        try {
            Path folder = Files.createTempDirectory(work, "tamper");
            Files.write(folder.resolve(LedgerFolder.DATABASE), database);
            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("ledger") + ";IFEXISTS=TRUE", "sa", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TRIGGER ledger_append_only");
                assertThat(statement.executeUpdate(sql)).isPositive();
            }
            byte[] changed = Files.readAllBytes(folder.resolve(LedgerFolder.DATABASE));
            Backup.deleteFolder(folder);
            return changed;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under {@code folder}, by its path there, with its SHA-256: what "changed nothing" is held to. */
    private static Map<String, String> contents(Path folder) {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                contents.put(folder.relativize(file).toString(), Files.isDirectory(file) ? "folder" : sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return contents;
    }
}
