package backroom.edge.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.testing.TestBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool between {@code backroom backup} and the running box, from both sides: what the
 * command is told when the box goes away mid-request, and what the box clears away that no one
 * will come for.
 */
class BackupSpoolTest {

    private static final Duration TAKEN_WITHIN = Duration.ofSeconds(30);
    private static final Duration MADE_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void aBoxThatStartsAgainWhileItWasMakingABackupLeavesTheCommandToldSoAndNothingBehind() throws Exception {
        BackupSpool spool = new BackupSpool(data);
        CompletableFuture<Path> asked = CompletableFuture.supplyAsync(() -> spool.ask(TAKEN_WITHIN, MADE_WITHIN, () -> true));
        Path request = awaitOne(".request");
        // What the box did before it stopped: it took the request and began the backup.
        Files.move(request, request.resolveSibling(request.getFileName().toString().replace(".request", ".taken")));
        Files.createDirectories(spoolFolder().resolve("." + request.getFileName().toString().replace(".request", ".zip.work")));

        try (TestBox box = TestBox.start(); Backups restarted = Backups.start(BackupSettings.NO_NIGHTLY, data,
                box.box().database().jdbi(), box.clock(), ZoneOffset.UTC)) {
            assertThatThrownBy(asked::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(BackupException.class)
                    .hasMessage("the box stopped before the backup was made; nothing was written");
            assertThat(BackupRestoreTest.names(spoolFolder())).isEmpty();
        }
    }

    @Test
    void aCommandWaitingOnABoxThatNoLongerRunsSaysSo() throws Exception {
        BackupSpool spool = new BackupSpool(data);
        CompletableFuture<Path> asked = CompletableFuture.supplyAsync(() -> spool.ask(TAKEN_WITHIN, MADE_WITHIN, () -> false));
        Path request = awaitOne(".request");
        Files.move(request, request.resolveSibling(request.getFileName().toString().replace(".request", ".taken")));

        assertThatThrownBy(asked::get)
                .cause().isInstanceOf(BackupException.class)
                .hasMessage("the box stopped before the backup was made; nothing was written");
    }

    @Test
    void theBoxRemovesAnswersNoOneCameForAfterAnHourAndWhatAStoppedBoxLeftOnlyWhenItStarts() throws Exception {
        Path folder = Files.createDirectories(spoolFolder());
        Instant now = Instant.parse("2026-12-05T03:00:00Z");
        file("old.zip", now.minus(Duration.ofMinutes(61)));
        file("old.failed", now.minus(Duration.ofMinutes(61)));
        file("recent.zip", now.minus(Duration.ofMinutes(59)));
        file("recent.failed", now.minus(Duration.ofMinutes(59)));
        file("cut-off.taken", now.minus(Duration.ofDays(1)));
        file("cut-off.zip.part", now.minus(Duration.ofDays(1)));
        Files.createDirectories(folder.resolve(".cut-off.zip.work"));
        file("waiting.request", now.minus(Duration.ofDays(1)));
        BackupSpool spool = new BackupSpool(data);

        spool.sweep(now, false);
        assertThat(BackupRestoreTest.names(folder)).containsExactly(".cut-off.zip.work", "cut-off.taken", "cut-off.zip.part",
                "recent.failed", "recent.zip", "waiting.request");

        spool.sweep(now, true);
        assertThat(BackupRestoreTest.names(folder)).containsExactly("recent.failed", "recent.zip", "waiting.request");
    }

    @Test
    void theRunningBoxRemovesAnAnswerNoOneCameFor() throws Exception {
        Path folder;
        try (TestBox box = TestBox.start(); Backups backups = Backups.start(new BackupSettings(Optional.empty(),
                LocalTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.MINUTES), 0), box.dataDir(),
                box.box().database().jdbi(), box.clock(), ZoneOffset.UTC)) {
            BackupSpool spool = new BackupSpool(box.dataDir());
            spool.remove(spool.ask(TAKEN_WITHIN, MADE_WITHIN, () -> true));
            Path forgotten = Files.writeString(box.dataDir().resolve(BackupSpool.FOLDER).resolve("forgotten.zip"), "an old answer");
            Files.setLastModifiedTime(forgotten, FileTime.from(box.clock().instant().minus(Duration.ofHours(2))));

            // Requests are looked at one round after another: the second is taken once the round that answered the first has ended.
            spool.remove(spool.ask(TAKEN_WITHIN, MADE_WITHIN, () -> true));
            spool.remove(spool.ask(TAKEN_WITHIN, MADE_WITHIN, () -> true));
            folder = box.dataDir().resolve(BackupSpool.FOLDER);
            assertThat(BackupRestoreTest.names(folder)).doesNotContain("forgotten.zip");
        }
        // Once the box has stopped, its last round has cleared its work away too.
        assertThat(BackupRestoreTest.names(folder)).isEmpty();
    }

    private Path spoolFolder() {
        return data.resolve(BackupSpool.FOLDER);
    }

    private void file(String name, Instant modified) throws Exception {
        Path file = Files.writeString(spoolFolder().resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private Path awaitOne(String suffix) throws Exception {
        while (true) {
            Optional<Path> found = BackupRestoreTest.names(spoolFolder()).stream().filter(name -> name.endsWith(suffix))
                    .map(spoolFolder()::resolve).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(1);
        }
    }
}
