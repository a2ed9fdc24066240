package backroom.edge.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.BoxConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The nightly backup's settings, read once from the environment; a value that cannot be used stops the box naming it. */
class BackupSettingsTest {

    @Test
    void anEmptyEnvironmentBacksUpAtThreeIntoTheDataFoldersBackupsKeepingSeven() {
        BackupSettings settings = BoxConfig.fromEnvironment(Map.of("BACKROOM_DATA_DIR", "/var/lib/backroom")).backups();

        assertThat(settings).isEqualTo(new BackupSettings(Optional.empty(), LocalTime.of(3, 0), 7));
        assertThat(settings.dirFor(Path.of("/var/lib/backroom"))).isEqualTo(Path.of("/var/lib/backroom/backups"));
    }

    @Test
    void folderTimeAndNumberKeptAreReadFromTheEnvironment() {
        BackupSettings settings = BackupSettings.fromEnvironment(Map.of("BACKROOM_BACKUP_DIR", "/mnt/usb/backroom",
                "BACKROOM_BACKUP_AT", "23:45", "BACKROOM_BACKUP_KEEP", "30"));

        assertThat(settings).isEqualTo(new BackupSettings(Optional.of(Path.of("/mnt/usb/backroom")), LocalTime.of(23, 45), 30));
        assertThat(settings.dirFor(Path.of("/var/lib/backroom"))).isEqualTo(Path.of("/mnt/usb/backroom"));
        assertThat(BackupSettings.fromEnvironment(Map.of("BACKROOM_BACKUP_AT", "00:00", "BACKROOM_BACKUP_KEEP", "0")))
                .isEqualTo(new BackupSettings(Optional.empty(), LocalTime.MIDNIGHT, 0));
        assertThat(BackupSettings.fromEnvironment(Map.of("BACKROOM_BACKUP_KEEP", "366")).keep()).isEqualTo(366);
    }

    @Test
    void aValueThatCannotBeUsedIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> BoxConfig.fromEnvironment(Map.of("BACKROOM_BACKUP_AT", "3am")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BACKROOM_BACKUP_AT must be a time of day as HH:MM, from 00:00 to 23:59, not '3am'");
        assertThatThrownBy(() -> BackupSettings.fromEnvironment(Map.of("BACKROOM_BACKUP_AT", "24:00")))
                .hasMessage("BACKROOM_BACKUP_AT must be a time of day as HH:MM, from 00:00 to 23:59, not '24:00'");
        assertThatThrownBy(() -> BackupSettings.fromEnvironment(Map.of("BACKROOM_BACKUP_AT", "3:00")))
                .hasMessage("BACKROOM_BACKUP_AT must be a time of day as HH:MM, from 00:00 to 23:59, not '3:00'");
        assertThatThrownBy(() -> BoxConfig.fromEnvironment(Map.of("BACKROOM_BACKUP_KEEP", "seven")))
                .hasMessage("BACKROOM_BACKUP_KEEP must be a number of nightly backups from 0 (none) to 366, not 'seven'");
        assertThatThrownBy(() -> BackupSettings.fromEnvironment(Map.of("BACKROOM_BACKUP_KEEP", "-1")))
                .hasMessage("BACKROOM_BACKUP_KEEP must be a number of nightly backups from 0 (none) to 366, not '-1'");
        assertThatThrownBy(() -> BackupSettings.fromEnvironment(Map.of("BACKROOM_BACKUP_KEEP", "367")))
                .hasMessage("BACKROOM_BACKUP_KEEP must be a number of nightly backups from 0 (none) to 366, not '367'");
        assertThatThrownBy(() -> BoxConfig.fromEnvironment(Map.of("BACKROOM_BACKUP_DIR", " ")))
                .hasMessage("BACKROOM_BACKUP_DIR must name a folder, not ' '");
    }

    @Test
    void theNextBackupIsTodayAtTheTimeIfThatIsStillToComeElseTomorrow() {
        BackupSettings atThree = new BackupSettings(Optional.empty(), LocalTime.of(3, 0), 7);
        ZoneId jakarta = ZoneId.of("Asia/Jakarta");

        assertThat(atThree.untilNext(ZonedDateTime.of(2026, 12, 5, 2, 59, 0, 0, jakarta))).isEqualTo(Duration.ofMinutes(1));
        assertThat(atThree.untilNext(ZonedDateTime.of(2026, 12, 5, 3, 0, 0, 0, jakarta))).isEqualTo(Duration.ofDays(1));
        assertThat(atThree.untilNext(ZonedDateTime.of(2026, 12, 5, 3, 0, 0, 1, jakarta))).isEqualTo(Duration.ofDays(1).minusNanos(1));
        assertThat(atThree.untilNext(ZonedDateTime.of(2026, 12, 5, 23, 0, 0, 0, jakarta))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void theNextBackupIsAtTheLocalTimeAcrossAChangeOfClocks() {
        BackupSettings atThree = new BackupSettings(Optional.empty(), LocalTime.of(3, 0), 7);
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        // 2026-03-29: clocks go from 02:00 to 03:00, so 03:00 comes two hours after midnight.
        assertThat(atThree.untilNext(ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, berlin))).isEqualTo(Duration.ofHours(2));
        // 2026-10-25: clocks go back from 03:00 to 02:00; from 03:30 on the 24th, 03:00 is 24.5 hours away.
        assertThat(atThree.untilNext(ZonedDateTime.of(2026, 10, 24, 3, 30, 0, 0, berlin))).isEqualTo(Duration.ofHours(24).plusMinutes(30));
        // A time the clocks skip that day: the backup runs at the time it would have been, 03:30.
        BackupSettings atHalfPastTwo = new BackupSettings(Optional.empty(), LocalTime.of(2, 30), 7);
        assertThat(atHalfPastTwo.untilNext(ZonedDateTime.of(2026, 3, 29, 1, 0, 0, 0, berlin))).isEqualTo(Duration.ofMinutes(90));
    }
}
