package backroom.edge.backup;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.RecordedLogs;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The nightly backup: named by its local time, the newest few kept, a failure logged while the box goes on. */
class BackupNightlyTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;

    @RegisterExtension
    final RecordedLogs logs = new RecordedLogs(Level.INFO);

    @TempDir
    Path folder;

    @Test
    void eachNightAddsOneBackupAndTheNewestThreeAreKeptWhateverElseIsInTheFolder() throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "the technician's");
        Files.writeString(folder.resolve("backroom-before-the-move.zip"), "a backup made by hand");
        try (TestBox box = TestBox.start(); Backups backups = backupsOf(box, settings(folder, 3))) {
            String shift = box.api().openShift("r1");
            List<String> made = new ArrayList<>();
            List<Long> heads = new ArrayList<>();
            for (int night = 1; night <= 5; night++) {
                box.api().ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));
                box.clock().advance(Duration.ofDays(1));
                Path file = backups.nightly();
                made.add(file.getFileName().toString());
                heads.add(box.headSeq());
                assertThat(file.getParent()).isEqualTo(folder);
                assertThat(file.getFileName().toString()).matches("backroom-\\d{8}-\\d{6}\\.zip");
            }
            assertThat(made).isSorted().doesNotHaveDuplicates();

            assertThat(BackupRestoreTest.names(folder)).containsExactly(
                    made.get(2), made.get(3), made.get(4), "backroom-before-the-move.zip", "notes.txt");
            for (int night = 3; night <= 5; night++) {
                assertThat(BackupArchive.manifestOf(folder.resolve(made.get(night - 1))).headSeq()).isEqualTo(heads.get(night - 1));
            }
            assertThat(messages(Level.INFO)).contains("nightly backup written to " + folder.resolve(made.get(4)) + " (ledger head seq "
                    + heads.get(4) + "); removed the older [" + folder.resolve(made.get(1)) + "]");
        }
    }

    @Test
    void keepingOneLeavesOnlyTonightsAndKeepingMoreThanThereAreRemovesNone() throws Exception {
        try (TestBox box = TestBox.start(); Backups one = backupsOf(box, settings(folder.resolve("one"), 1));
             Backups many = backupsOf(box, settings(folder.resolve("many"), 9))) {
            Path first = one.nightly();
            box.clock().advance(Duration.ofHours(1));
            Path second = one.nightly();
            assertThat(BackupRestoreTest.names(folder.resolve("one"))).containsExactly(second.getFileName().toString());
            assertThat(first).doesNotExist();

            Path a = many.nightly();
            box.clock().advance(Duration.ofHours(1));
            Path b = many.nightly();
            assertThat(BackupRestoreTest.names(folder.resolve("many"))).containsExactly(a.getFileName().toString(), b.getFileName().toString());
        }
    }

    @Test
    void aNightlyBackupThatFailsIsLoggedAndTheBoxGoesOnSelling() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("a-file"), "in the way");
        try (TestBox box = TestBox.start(); Backups backups = backupsOf(box, settings(notAFolder, 7))) {
            backups.nightlyThenNext();

            List<LogRecord> severe = logs.records().stream().filter(record -> record.getLevel() == Level.SEVERE).toList();
            assertThat(severe).hasSize(1);
            assertThat(severe.getFirst().getMessage()).isEqualTo("the nightly backup into " + notAFolder
                    + " failed; the box goes on, and tries again next night");
            assertThat(severe.getFirst().getThrown()).isNotNull();
            String shift = box.api().openShift("r1");
            assertThat(box.api().ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift)).status()).isEqualTo(201);
        }
    }

    @Test
    void whatABoxThatStoppedMidBackupLeftIsRemovedAtTheNextNightly() throws Exception {
        Files.createDirectories(folder.resolve(".backroom-20261201-030000.zip.work"));
        Files.writeString(folder.resolve(".backroom-20261201-030000.zip.work").resolve("ledger.mv.db"), "half a copy");
        Files.writeString(folder.resolve("backroom-20261201-030000.zip.part"), "half a zip");
        Files.writeString(folder.resolve("backroom-20261201-030000.zip.notes"), "kept");
        try (TestBox box = TestBox.start(); Backups backups = backupsOf(box, settings(folder, 7))) {
            Path made = backups.nightly();
            assertThat(BackupRestoreTest.names(folder)).containsExactly("backroom-20261201-030000.zip.notes", made.getFileName().toString());
        }
    }

    @Test
    void theNextNightlyIsLoggedWhenTheBoxStartsAndAgainAfterEachNightEvenOneThatFailed() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("a-file"), "in the way");
        BackupSettings settings = settings(notAFolder, 1);
        try (TestBox box = TestBox.start(); Backups backups = backupsOf(box, settings)) {
            ZonedDateTime first = nextNightlyLogged(0, notAFolder, 1);
            assertThat(first.toLocalTime()).isEqualTo(settings.at());
            assertThat(first).isAfter(ZonedDateTime.ofInstant(box.clock().instant(), ZONE))
                    .isBefore(ZonedDateTime.ofInstant(box.clock().instant(), ZONE).plusDays(1));

            box.clock().advance(Duration.ofDays(1));
            backups.nightlyThenNext();

            assertThat(nextNightlyLogged(1, notAFolder, 1)).isEqualTo(first.plusDays(1));
        }
        assertThat(logs.records()).as("nothing was under way when it stopped")
                .noneMatch(record -> record.getLevel() == Level.WARNING && record.getLoggerName().equals(Backups.class.getName()));
    }

    @Test
    void keepingNoneSchedulesNoNightlyBackup() throws Exception {
        try (TestBox box = TestBox.start(); Backups ignored = backupsOf(box, settings(folder, 0))) {
            assertThat(messages(Level.INFO)).noneMatch(message -> message.startsWith("next nightly backup"));
        }
    }

    /** The {@code n}th "next nightly backup" logged, checked for its folder and number kept; its time. */
    private ZonedDateTime nextNightlyLogged(int n, Path into, int keep) {
        List<String> logged = messages(Level.INFO).stream().filter(message -> message.startsWith("next nightly backup at ")).toList();
        assertThat(logged).hasSize(n + 1);
        String message = logged.get(n);
        assertThat(message).endsWith(" into " + into + ", keeping the newest " + keep);
        return ZonedDateTime.parse(message.substring("next nightly backup at ".length(), message.indexOf(" into ")));
    }

    private static BackupSettings settings(Path folder, int keep) {
        return new BackupSettings(Optional.of(folder), LocalTime.now(ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES), keep);
    }

    private static Backups backupsOf(TestBox box, BackupSettings settings) {
        return Backups.start(settings, box.dataDir(), box.box().database().jdbi(), box.clock(), ZONE);
    }

    private List<String> messages(Level level) {
        return logs.records().stream().filter(record -> record.getLevel() == level).map(LogRecord::getMessage).toList();
    }
}
