package backroom.edge.backup;

import backroom.edge.ledger.DataFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The running box's backups: every night at the set time into the backup folder, keeping the
 * newest few, and whenever {@code backroom backup} asks through the {@link BackupSpool}. Both run
 * on this room's own threads, one backup at a time, through the box's reading connections: never
 * on the ledger writer's thread, so sales go on meanwhile. A backup that fails is logged and
 * tried again the next night; the box goes on.
 */
public final class Backups implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());
    private static final Duration LOOK_FOR_REQUESTS_EVERY = Duration.ofMillis(500);
    /** systemd gives the box 30 s to stop (install/backroom.service); a backup under way has most of that to finish. */
    private static final Duration FINISH_WITHIN = Duration.ofSeconds(20);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'backroom-'yyyyMMdd-HHmmss'.zip'");
    private static final Pattern NIGHTLY = Pattern.compile("backroom-\\d{8}-\\d{6}\\.zip");

    private final BackupSettings settings;
    private final Path dataDir;
    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;
    private final BackupSpool spool;
    private final ScheduledThreadPoolExecutor threads;

    private Backups(BackupSettings settings, Path dataDir, Jdbi jdbi, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = zone;
        this.spool = new BackupSpool(dataDir);
        // Two threads: a request is taken (and the command told so) even while a nightly backup runs.
        this.threads = new ScheduledThreadPoolExecutor(2, Thread.ofPlatform().name("backups-", 1).daemon(true).factory());
        // A stopping box drops tonight's backup rather than wait for it.
        threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Answers {@code backroom backup} from now on and schedules the nightly backup ({@code settings}), for the box on {@code jdbi}. */
    public static Backups start(BackupSettings settings, Path dataDir, Jdbi jdbi, Clock clock, ZoneId zone) {
        Backups backups = new Backups(settings, dataDir, jdbi, clock, zone);
        backups.spool.sweep(clock.instant(), true);
        backups.threads.scheduleWithFixedDelay(backups::answerRequests, 0, LOOK_FOR_REQUESTS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (settings.keep() > 0) {
            backups.scheduleNightly();
        }
        return backups;
    }

    /**
     * Makes tonight's backup now: {@code backroom-<local date>-<time>.zip} in the backup folder,
     * then removes the oldest nightly backups there beyond the number kept. Returns the new file.
     */
    public synchronized Path nightly() {
        Path folder = settings.dirFor(dataDir);
        DataFolder.create(folder);
        removeLeftovers(folder);
        Path target = folder.resolve(NAME.format(LocalDateTime.ofInstant(clock.instant(), zone)));
        Manifest manifest = backUp(target);
        List<Path> removed = keepNewest(folder, settings.keep());
        LOG.info("nightly backup written to " + target + " (ledger head seq " + manifest.headSeq() + "); "
                + (removed.isEmpty() ? "none removed" : "removed the older " + removed));
        return target;
    }

    /** One backup at a time: H2 turns space reuse off for a copy and back on after it, and two copies at once would undo each other. */
    private synchronized Manifest backUp(Path target) {
        return Backup.take(work -> Snapshot.ofRunningBox(jdbi, work), dataDir, target, clock);
    }

    private void answerRequests() {
        try {
            spool.answerWaiting(this::backUp);
            spool.sweep(clock.instant(), false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not answer the backup requests in " + dataDir.resolve(BackupSpool.FOLDER), e);
        }
    }

    private void scheduleNightly() {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone);
        Duration delay = settings.untilNext(now);
        threads.schedule(this::nightlyThenNext, delay.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("next nightly backup at " + now.plus(delay) + " into " + settings.dirFor(dataDir) + ", keeping the newest "
                + settings.keep());
    }

    /** What runs each night: the backup, a failure logged, then the next night scheduled. */
    void nightlyThenNext() {
        try {
            nightly();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the nightly backup into " + settings.dirFor(dataDir) + " failed; the box goes on,"
                    + " and tries again next night", e);
        } finally {
            try {
                scheduleNightly();
            } catch (RejectedExecutionException stopping) {
                // the box is stopping
            }
        }
    }

    /** A box that stopped mid-backup leaves its work folder and part-written file; no backup is under way now. */
    private static void removeLeftovers(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".backroom-") && name.endsWith(".zip.work") || name.startsWith("backroom-") && name.endsWith(".zip.part")) {
                    Backup.deleteFolder(file);
                }
            }
        } catch (IOException e) {
            throw new BackupException("cannot list the backups in " + folder + ": " + e, e);
        }
    }

    /** Removes all but the {@code keep} newest nightly backups in {@code folder} (by the time in their names); other files stay. */
    static List<Path> keepNewest(Path folder, int keep) {
        List<Path> nightly;
        try (Stream<Path> files = Files.list(folder)) {
            nightly = files.filter(file -> NIGHTLY.matcher(file.getFileName().toString()).matches())
                    .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new BackupException("cannot list the backups in " + folder + ": " + e, e);
        }
        List<Path> older = nightly.subList(Math.min(keep, nightly.size()), nightly.size());
        for (Path file : older) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new BackupException("cannot remove the old backup " + file + ": " + e, e);
            }
        }
        return older;
    }

    /** Stops taking requests and scheduling; lets a backup under way finish, for a while. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(FINISH_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("a backup was still under way when the box stopped; it is left unfinished and removed at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
