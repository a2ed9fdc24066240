package backroom.edge.backup;

import backroom.edge.access.BoxKey;
import backroom.edge.ledger.DataFolder;
import backroom.edge.ledger.LedgerFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One backup file made: a consistent copy of the ledger ({@link Snapshot}) in an owner-only work
 * folder beside the target, its whole chain checked, compacted, the box's key beside it, then both
 * with their {@link Manifest} written to the target whole ({@link BackupArchive}). The work folder
 * goes whatever happens; the target is only ever a whole backup.
 */
public final class Backup {

    /** Where the copy of the ledger comes from: it puts {@code ledger.mv.db} into the work folder. */
    @FunctionalInterface
    interface Source {
        void copyInto(Path work);
    }

    private Backup() {
    }

    /** Backs up the ledger and key of a box that is not running on {@code dataDir} to {@code target}. */
    public static Manifest ofStoppedBox(Path dataDir, Path target, Clock clock) {
        return take(work -> Snapshot.ofStoppedBox(dataDir, work), dataDir, target, clock);
    }

    static Manifest take(Source source, Path dataDir, Path target, Clock clock) {
        Instant at = clock.instant();
        Path work = workFolderFor(target);
        deleteFolder(work);
        DataFolder.create(work);
        try {
            source.copyInto(work);
            Snapshot.Facts facts = Snapshot.sealed(work);
            copyKey(dataDir, work, facts.boxKeyFingerprint());
            Manifest manifest = new Manifest(Manifest.FORMAT, at, facts.head().seq(), facts.head().hash(), facts.storeId(),
                    facts.boxKeyFingerprint(), BackupArchive.sha256(work.resolve(LedgerFolder.DATABASE)));
            BackupArchive.write(target, work, manifest);
            return manifest;
        } finally {
            deleteFolder(work);
        }
    }

    /** Takes the key along only if it is the one the ledger's hashes were made with: a backup with another could not be used. */
    private static void copyKey(Path dataDir, Path work, String recordedFingerprint) {
        Path key = dataDir.resolve(BoxKey.FILE_NAME);
        try {
            Files.copy(key, work.resolve(BoxKey.FILE_NAME));
        } catch (NoSuchFileException e) {
            throw new BackupException(key.toAbsolutePath() + " is missing: a backup without the box's key cannot be restored", e);
        } catch (IOException e) {
            throw new BackupException("cannot read " + key.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        String fingerprint = keyIn(work).fingerprint();
        if (recordedFingerprint != null && !recordedFingerprint.equals(fingerprint)) {
            throw new BackupException(key.toAbsolutePath() + " is not the key this ledger's PINs and pairing codes were hashed with");
        }
    }

    static BoxKey keyIn(Path folder) {
        try {
            return BoxKey.read(folder);
        } catch (BoxKey.BoxKeyException e) {
            throw new BackupException(e.getMessage(), e);
        }
    }

    static Path workFolderFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".work");
    }

    /** Deletes {@code folder} and what is in it; nothing if there is no such folder. */
    static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder, e);
        }
    }
}
