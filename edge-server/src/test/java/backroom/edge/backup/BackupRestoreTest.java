package backroom.edge.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.access.BoxKey;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerFolder;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.sales.TimeOrderedIds;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SignIn;
import backroom.edge.testing.TestBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup made by the running box while tablets ring sales, restored into another folder: the
 * same entries up to the backup's head, a ledger that verifies, and a box on it that answers those
 * sales as the original does. The box and the restore run in this process; BackupRoundTripTest
 * does the same through the command line, against the real server in a process of its own.
 */
class BackupRestoreTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;

    @TempDir
    Path elsewhere;

    @Test
    void aBackupTakenWhileEightTabletsRingRestoresToTheSameEntriesAndABoxThatAnswersTheSameSales() throws Exception {
        try (TestBox original = TestBox.start(); Backups backups = backupsOf(original, 7)) {
            String shift = original.api().openShift("r1");
            Path file;
            int before;
            int after;
            List<Reply> sales;
            try (Tablets tablets = Tablets.start(original.api(), "r1", shift, 8)) {
                tablets.awaitAnswered(0, 200);
                before = tablets.answered();
                file = backups.nightly();
                after = tablets.answered();
                tablets.awaitAnswered(after, 50);
                sales = tablets.stop();
            }
            assertThat(after).as("sales answered while the backup was made").isGreaterThan(before);
            Manifest manifest = BackupArchive.manifestOf(file);
            assertThat(manifest.headSeq()).isLessThan(original.headSeq());
            assertThat(manifest.storeId()).isEqualTo("demo-store");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            Path restored = elsewhere.resolve("restored");
            Restore.Restored done = Restore.restore(file, restored, Box.tableAudits(), original.clock());

            assertThat(done.setAside()).isNull();
            assertThat(done.manifest()).isEqualTo(manifest);
            OfflineCheck.Result check = OfflineCheck.run(restored, Box.tableAudits());
            assertThat(check.intact()).as(check.toString()).isTrue();
            assertThat(check.audit().chain().head().seq()).isEqualTo(manifest.headSeq());
            assertThat(check.audit().chain().head().hash()).isEqualTo(manifest.headHash());
            assertThat(StoredEntry.upTo(restored, Long.MAX_VALUE))
                    .hasSize((int) manifest.headSeq())
                    .isEqualTo(StoredEntry.upTo(original.box().database().jdbi(), manifest.headSeq()));
            assertThat(Files.readString(restored.resolve(BoxKey.FILE_NAME))).isEqualTo(Files.readString(original.dataDir().resolve(BoxKey.FILE_NAME)));

            try (Box copy = boxOn(restored, original.clock())) {
                Api there = new Api(copy.port(), original.api().token());
                int inBackup = 0;
                for (Reply sale : sales) {
                    String path = "/api/v1/sales/" + sale.field("saleId");
                    if (sale.number("ledgerSeq") <= manifest.headSeq()) {
                        inBackup++;
                        assertThat(there.get(path).text()).isEqualTo(original.api().get(path).text());
                    } else {
                        assertThat(there.get(path).status()).isEqualTo(404);
                    }
                }
                assertThat(inBackup).isGreaterThanOrEqualTo(before).isLessThan(sales.size());
            }
        }
    }

    @Test
    void backroomBackupAsksTheRunningBoxThroughTheSpoolAndGetsAWholeBackup() throws Exception {
        Path made;
        try (TestBox box = TestBox.start(); Backups ignored = backupsOf(box, 0)) {
            box.api().openShift("r1");
            long head = box.headSeq();
            BackupSpool spool = new BackupSpool(box.dataDir());

            made = spool.ask(java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5), () -> true);

            assertThat(made.getFileName().toString()).matches("[0-9a-f-]{36}\\.zip");
            assertThat(BackupArchive.manifestOf(made).headSeq()).isEqualTo(head);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.getParent()))).isEqualTo("rwx------");
            Path copy = elsewhere.resolve("copy.zip");
            BackupArchive.copy(made, copy);
            spool.remove(made);
            assertThat(names(made.getParent())).doesNotContain(made.getFileName().toString());
            assertThat(BackupArchive.manifestOf(copy).headSeq()).isEqualTo(head);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        }
        // Once the box has stopped, its last round has cleared its work away too.
        assertThat(names(made.getParent())).isEmpty();
    }

    @Test
    void aBackupTheBoxCannotMakeIsAnsweredWithWhyAndLeavesNothing() throws Exception {
        try (TestBox box = TestBox.start(); Backups ignored = backupsOf(box, 0)) {
            Path key = box.dataDir().resolve(BoxKey.FILE_NAME);
            Path keptAside = elsewhere.resolve("key");
            Files.move(key, keptAside);
            try {
                BackupSpool spool = new BackupSpool(box.dataDir());
                assertThatThrownBy(() -> spool.ask(java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5), () -> true))
                        .isInstanceOf(BackupException.class)
                        .hasMessage("the box could not make the backup: " + key.toAbsolutePath()
                                + " is missing: a backup without the box's key cannot be restored");
                assertThat(names(box.dataDir().resolve(BackupSpool.FOLDER))).isEmpty();
            } finally {
                Files.move(keptAside, key);
            }
        }
    }

    @Test
    void aRequestNoBoxTakesIsTakenBackAndSaysSo() throws Exception {
        Path data = elsewhere.resolve("data");
        Files.createDirectories(data);
        BackupSpool spool = new BackupSpool(data);

        assertThatThrownBy(() -> spool.ask(java.time.Duration.ofMillis(200), java.time.Duration.ofMinutes(5), () -> true))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("no running box took the backup request within 0 s")
                .hasMessageEndingWith("nothing was written");
        assertThat(names(data.resolve(BackupSpool.FOLDER))).isEmpty();
    }

    @Test
    void restoringOverABoxsOwnFolderSetsItsLedgerAndKeyAsideAndTheBoxStartsOnTheBackup() throws Exception {
        TestBox box = TestBox.start();
        Path file = elsewhere.resolve("before-the-late-sales.zip");
        String shift = box.api().openShift("r1");
        Reply kept = box.api().ringSale(backroom.edge.testing.Sales.twoLargeLattesWithExtraShot("r1", shift));
        try (Backups ignored = backupsOf(box, 0)) {
            BackupSpool spool = new BackupSpool(box.dataDir());
            Path made = spool.ask(java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5), () -> true);
            BackupArchive.copy(made, file);
            spool.remove(made);
        }
        Reply late = box.api().ringSale(backroom.edge.testing.Sales.twoLargeLattesWithExtraShot("r1", shift));
        long lateHead = box.headSeq();
        byte[] ownLedger;
        box.stop();
        ownLedger = Files.readAllBytes(box.dataDir().resolve(LedgerFolder.DATABASE));
        try {
            Restore.Restored restored = Restore.restore(file, box.dataDir(), Box.tableAudits(), box.clock());

            assertThat(restored.setAside().getFileName().toString()).matches("before-restore-\\d{8}T\\d{6}Z");
            assertThat(names(restored.setAside())).containsExactly("box.key", "ledger.mv.db", "ledger.provisioned", "ledger.verified");
            assertThat(Files.readAllBytes(restored.setAside().resolve(LedgerFolder.DATABASE))).isEqualTo(ownLedger);
            assertThat(names(box.dataDir())).contains("box.key", "ledger.mv.db", "ledger.provisioned", "ledger.verified")
                    .doesNotContain(Restore.STAGING);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.setAside()))).isEqualTo("rwx------");
            for (String name : List.of("box.key", "ledger.mv.db", "ledger.provisioned", "ledger.verified")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(box.dataDir().resolve(name)))).as(name)
                        .isEqualTo("rw-------");
            }
            assertThat(Files.readString(box.dataDir().resolve("ledger.verified")))
                    .isEqualTo(restored.manifest().headSeq() + " " + restored.manifest().headHash() + "\n");
            try (TestBox again = TestBox.restart(box)) {
                assertThat(again.headSeq()).isEqualTo(restored.manifest().headSeq()).isLessThan(lateHead);
                assertThat(again.api().get("/api/v1/sales/" + kept.field("saleId")).status()).isEqualTo(200);
                assertThat(again.api().get("/api/v1/sales/" + late.field("saleId")).status()).isEqualTo(404);
            }
        } finally {
            box.deleteData();
        }
    }

    /** This room started beside the box's own, as the box starts it; its nightly backup not due for 23 hours. */
    private Backups backupsOf(TestBox box, int keep) {
        LocalTime anHourAgo = LocalTime.now(ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
        BackupSettings settings = new BackupSettings(Optional.of(elsewhere.resolve("nightly")), anHourAgo, keep);
        return Backups.start(settings, box.dataDir(), box.box().database().jdbi(), box.clock(), ZONE);
    }

    private static Box boxOn(Path dataDir, Clock clock) {
        return Box.start(new BoxConfig("127.0.0.1", 0, dataDir, SignIn.TECHNICIAN_PIN), LedgerDatabase.open(dataDir, clock, Box.tableAudits()),
                new TimeOrderedIds(clock, new SecureRandom()), clock);
    }

    static List<String> names(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
