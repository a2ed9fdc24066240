package backroom.edge.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Optional;

/**
 * The nightly backup, read once at start-up from the environment: {@code BACKROOM_BACKUP_DIR}
 * (default {@code <data>/backups}), {@code BACKROOM_BACKUP_AT} (local time of day, {@code HH:MM},
 * default 03:00) and {@code BACKROOM_BACKUP_KEEP} (how many nightly backups are kept, newest
 * first, default 7; 0 makes none). A value that cannot be used is refused, naming the variable.
 */
public record BackupSettings(Optional<Path> dir, LocalTime at, int keep) {

    public static final BackupSettings DEFAULT = new BackupSettings(Optional.empty(), LocalTime.of(3, 0), 7);
    /** No nightly backups; {@code backroom backup} still gets one from the running box. */
    public static final BackupSettings NO_NIGHTLY = new BackupSettings(Optional.empty(), LocalTime.of(3, 0), 0);
    public static final String FOLDER = "backups";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final int MOST_KEPT = 366;

    public static BackupSettings fromEnvironment(Map<String, String> env) {
        String dir = env.get("BACKROOM_BACKUP_DIR");
        if (dir != null && dir.isBlank()) {
            throw new IllegalArgumentException("BACKROOM_BACKUP_DIR must name a folder, not '" + dir + "'");
        }
        return new BackupSettings(Optional.ofNullable(dir).map(Path::of), timeOfDay(env.get("BACKROOM_BACKUP_AT")),
                kept(env.get("BACKROOM_BACKUP_KEEP")));
    }

    private static LocalTime timeOfDay(String value) {
        if (value == null) {
            return DEFAULT.at();
        }
        try {
            return LocalTime.parse(value.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("BACKROOM_BACKUP_AT must be a time of day as HH:MM, from 00:00 to 23:59, not '"
                    + value + "'", e);
        }
    }

    private static int kept(String value) {
        if (value == null) {
            return DEFAULT.keep();
        }
        try {
            int keep = Integer.parseInt(value.strip());
            if (keep >= 0 && keep <= MOST_KEPT) {
                return keep;
            }
        } catch (NumberFormatException e) {
            // refused below, with the range
        }
        throw new IllegalArgumentException("BACKROOM_BACKUP_KEEP must be a number of nightly backups from 0 (none) to "
                + MOST_KEPT + ", not '" + value + "'");
    }

    /** Where the nightly backups go for a box on {@code dataDir}. */
    public Path dirFor(Path dataDir) {
        return dir.orElse(dataDir.resolve(FOLDER));
    }

    /** How long from {@code now} until the next nightly backup: today at {@link #at} if that is still to come, else tomorrow. */
    Duration untilNext(ZonedDateTime now) {
        ZonedDateTime today = now.with(at);
        ZonedDateTime next = today.isAfter(now) ? today : now.toLocalDate().plusDays(1).atTime(at).atZone(now.getZone());
        return Duration.between(now, next);
    }
}
