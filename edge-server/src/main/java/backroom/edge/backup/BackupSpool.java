package backroom.edge.backup;

import backroom.edge.ledger.DataFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * How {@code backroom backup}, run on the box itself, asks the running box for a backup: the box
 * holds the ledger database, so only it can copy it. One request is a few files in the owner-only
 * folder {@code <data>/backup-requests/}, named by the request's id:
 *
 * <pre>
 *   3f1c...e2.request    the command asks (an empty file: its name is the whole request)
 *   3f1c...e2.taken      the box took it (renamed from .request) and is making the backup
 *   3f1c...e2.zip        the backup, whole ({@link BackupArchive}; written as .zip.part, then renamed)
 *   3f1c...e2.failed     or why it could not be made (text)
 * </pre>
 *
 * The command copies the {@code .zip} to where it was asked to write it and removes the request's
 * files, {@code .taken} too (the box removes it as well, once it has answered). It gives up when no box took the request in time (it takes it back first, so a box that
 * comes late finds nothing), or when the box stops before answering. Answers nobody came for are
 * removed by the box after an hour.
 */
public final class BackupSpool {

    static final String FOLDER = "backup-requests";
    static final Duration ANSWERS_KEPT = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(BackupSpool.class.getName());
    private static final Duration LOOK_EVERY = Duration.ofMillis(50);

    private final Path dir;

    public BackupSpool(Path dataDir) {
        this.dir = dataDir.resolve(FOLDER);
    }

    /** Whether a box runs on {@code dataDir} now (it holds the ledger); only a process other than the box may ask. */
    public static boolean boxRuns(Path dataDir) {
        return LedgerLock.heldByRunningBox(dataDir);
    }

    /**
     * Asks the running box for a backup and waits for it: returns the whole backup file, to be
     * {@link #remove removed} once copied. {@code boxRuns} says whether a box still holds the ledger.
     */
    public Path ask(Duration takeWithin, Duration answerWithin, BooleanSupplier boxRuns) {
        String id = UUID.randomUUID().toString();
        Path request = file(id, ".request");
        createFolder();
        try {
            Files.createFile(request, PosixFilePermissions.asFileAttribute(DataFolder.OWNER_ONLY_FILE));
        } catch (IOException e) {
            throw new BackupException("cannot leave a backup request in " + dir.toAbsolutePath() + ": " + e, e);
        }
        awaitTaken(id, takeWithin);
        return awaitAnswer(id, answerWithin, boxRuns);
    }

    private void awaitTaken(String id, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Files.exists(file(id, ".request"))) {
            if (Instant.now().isAfter(deadline)) {
                try {
                    Files.delete(file(id, ".request"));
                    throw new BackupException("no running box took the backup request within " + within.toSeconds()
                            + " s (a box holds the ledger in " + dir.getParent().toAbsolutePath()
                            + ", but none answered: is it a Backroom from before backups, or stuck?); nothing was written");
                } catch (NoSuchFileException takenJustNow) {
                    return;
                } catch (IOException e) {
                    throw new BackupException("cannot take back the backup request " + file(id, ".request") + ": " + e, e);
                }
            }
            pause();
        }
    }

    private Path awaitAnswer(String id, Duration within, BooleanSupplier boxRuns) {
        Instant deadline = Instant.now().plus(within);
        Instant nextLook = Instant.now();
        while (true) {
            // Looked at first: the box leaves its answer before it removes .taken.
            boolean working = Files.exists(file(id, ".taken"));
            Path backup = file(id, ".zip");
            if (Files.exists(backup)) {
                delete(file(id, ".taken"));
                return backup;
            }
            Path failed = file(id, ".failed");
            if (Files.exists(failed)) {
                String why = read(failed);
                delete(failed);
                delete(file(id, ".taken"));
                throw new BackupException("the box could not make the backup: " + why);
            }
            if (!working) {
                throw new BackupException("the box stopped before the backup was made; nothing was written");
            }
            if (Instant.now().isAfter(nextLook)) {
                if (!boxRuns.getAsBoolean()) {
                    throw new BackupException("the box stopped before the backup was made; nothing was written");
                }
                nextLook = Instant.now().plusSeconds(1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new BackupException("the box took the backup request but made no backup within " + within.toMinutes()
                        + " minutes; nothing was written");
            }
            pause();
        }
    }

    /** Removes a backup the box answered with, once it has been copied. */
    public void remove(Path answer) {
        delete(answer);
    }

    /**
     * The box's side: takes each waiting request, in turn, and answers it with a backup made by
     * {@code backUp} into the file it is given, or with why not.
     */
    void answerWaiting(Consumer<Path> backUp) {
        for (Path request : list(".request")) {
            String id = idOf(request);
            Path taken = file(id, ".taken");
            try {
                Files.move(request, taken, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException | FileAlreadyExistsException | AtomicMoveNotSupportedException gone) {
                continue;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot take the backup request " + request, e);
                continue;
            }
            try {
                backUp.accept(file(id, ".zip"));
                LOG.info("backup asked for by backroom backup (request " + id + ") made");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the backup asked for by backroom backup (request " + id + ") failed", e);
                DataFolder.writeDurably(dir, id + ".failed", (e.getMessage() != null ? e.getMessage() : e.toString()) + "\n");
            } finally {
                delete(taken);
            }
        }
    }

    /**
     * Removes what no one will come for: answers older than {@link #ANSWERS_KEPT}, and, when the box
     * starts ({@code starting}), what a box that stopped mid-backup left.
     */
    void sweep(Instant now, boolean starting) {
        for (Path file : list("")) {
            String name = file.getFileName().toString();
            boolean answer = name.endsWith(".zip") || name.endsWith(".failed");
            boolean leftMidBackup = name.endsWith(".taken") || name.endsWith(".part") || name.endsWith(".work");
            try {
                if (answer && Files.getLastModifiedTime(file).toInstant().plus(ANSWERS_KEPT).isBefore(now) || starting && leftMidBackup) {
                    Backup.deleteFolder(file);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot remove " + file + " from the backup requests", e);
            }
        }
    }

    /** The folder is made by whoever asks first; made by root, it is handed to the data folder's owner, the box's user. */
    private void createFolder() {
        if (Files.isDirectory(dir)) {
            return;
        }
        DataFolder.create(dir);
        try {
            Files.setOwner(dir, Files.getOwner(dir.getParent()));
        } catch (IOException e) {
            throw new BackupException("cannot hand " + dir.toAbsolutePath() + " to the data folder's owner: " + e, e);
        }
    }

    private List<Path> list(String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read the backup requests in " + dir, e);
            return List.of();
        }
    }

    private Path file(String id, String suffix) {
        return dir.resolve(id + suffix);
    }

    private static String idOf(Path request) {
        String name = request.getFileName().toString();
        return name.substring(0, name.length() - ".request".length());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new BackupException("the box could not make the backup, and why cannot be read from " + file + ": " + e, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove " + file, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(LOOK_EVERY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted while waiting for the box's backup");
        }
    }
}
