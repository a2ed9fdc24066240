package backroom.edge.backup;

import backroom.edge.access.BoxKey;
import backroom.edge.ledger.AuditVerdict;
import backroom.edge.ledger.BrokenCopyException;
import backroom.edge.ledger.DataFolder;
import backroom.edge.ledger.LedgerCopy;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerFolder;
import backroom.edge.ledger.LedgerHead;
import backroom.edge.ledger.LedgerRebuild;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.ledger.ReplayFailedException;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableReplay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Puts a backup's ledger and key in place of a stopped box's. Everything is checked first, with
 * the backup taken out into a staging folder: that it is a whole backup of this format, that its
 * ledger verifies as {@code verify-ledger} would (the whole chain, every table held to it), that
 * its head is the one its manifest names, and that its key is the one its ledger's PINs were hashed with.
 * Only then are the box's own ledger files, key and first-start notice moved aside (kept, never
 * deleted) into {@code before-restore-<time>/}, and the backup's put in their place. A refused
 * restore leaves the data folder as it found it. A box whose disk died, and with it its backups,
 * is {@link #rebuild rebuilt} the same way from HQ's copy of its ledger.
 */
public final class Restore {

    static final String STAGING = "restore-staging";
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("'before-restore-'yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What was restored, and where the box's own files went ({@code null} when the folder held none). */
    public record Restored(Manifest manifest, Path setAside) {
    }

    private Restore() {
    }

    /** Restores {@code backup} into {@code dataDir}, refusing (with a {@link BackupException}, nothing changed) what does not check. */
    public static Restored restore(Path backup, Path dataDir, List<TableAudit> audits, Clock clock) {
        return intoStoppedBox(dataDir, staging -> {
            Manifest manifest = BackupArchive.unpack(backup, staging);
            check(staging, manifest, audits);
            Path aside = moveAside(dataDir, clock);
            putInPlace(staging, dataDir, new LedgerHead(manifest.headSeq(), manifest.headHash()), clock,
                    LedgerFolder.DATABASE, BoxKey.FILE_NAME);
            return new Restored(manifest, aside);
        });
    }

    /** What a rebuild reached, and where the box's own files went ({@code null} when the folder held none). */
    public record Rebuilt(LedgerHead head, Path setAside) {
    }

    /**
     * Rebuilds the ledger of a stopped box in {@code dataDir} from {@code copy} (HQ's), every table
     * from its entries by {@code replays}, in a staging folder; checks it as {@code verify-ledger}
     * would, then puts it in place as {@link #restore} does. The box makes a new key at its next
     * start: the old one died with the old disk, and no entry carries a PIN or token hashed with it.
     * Tells {@code progress} the head after each page of the copy.
     */
    public static Rebuilt rebuild(LedgerCopy copy, Path dataDir, List<TableReplay> replays, List<TableAudit> audits, Clock clock,
                                  LongConsumer progress) {
        return rebuild(copy, dataDir, replays, audits, clock, progress, false);
    }

    /**
     * As {@link #rebuild(LedgerCopy, Path, List, List, Clock, LongConsumer)}; but a folder whose own
     * ledger runs past the copy's head (sales the copy, HQ's, never got) is refused unless
     * {@code setAsideNewer}: rebuilt over, those sales would be in no ledger the box or HQ reads.
     */
    public static Rebuilt rebuild(LedgerCopy copy, Path dataDir, List<TableReplay> replays, List<TableAudit> audits, Clock clock,
                                  LongConsumer progress, boolean setAsideNewer) {
        // Read before the folder is held: H2 cannot open the file through another process's lock, ours included.
        Optional<LedgerHead> own = LedgerLock.heldByRunningBox(dataDir) ? Optional.empty() : LedgerFolder.headOf(dataDir);
        return intoStoppedBox(dataDir, staging -> {
            LedgerHead head;
            try (LedgerRebuild rebuild = LedgerRebuild.into(staging, replays)) {
                head = rebuild.copy(copy, progress);
            } catch (BrokenCopyException | ReplayFailedException e) {
                throw new BackupException(e.getMessage(), e);
            }
            if (head.seq() == 0) {
                throw new BackupException("the copy holds no entry of this store: there is nothing to rebuild from");
            }
            copy.claimedHead().filter(claimed -> !claimed.equals(head)).ifPresent(claimed -> {
                throw new BackupException("the copy says it ends at entry " + claimed.seq() + " (hash " + claimed.hash()
                        + ") but the rebuild ended at entry " + head.seq() + " (hash " + head.hash() + ")");
            });
            checkRebuilt(staging, head, audits);
            if (!setAsideNewer && own.isPresent() && own.get().seq() > head.seq()) {
                throw new BackupException("this folder's own ledger runs to entry " + own.get().seq() + ", past the copy's "
                        + head.seq() + ": its last entries never reached HQ. Start the box and let it send them, or rebuild"
                        + " anyway with --force (its ledger is set aside, not deleted)");
            }
            Path aside = moveAside(dataDir, clock);
            putInPlace(staging, dataDir, head, clock, LedgerFolder.DATABASE);
            return new Rebuilt(head, aside);
        });
    }

    /**
     * Runs {@code work} with the box in {@code dataDir} held stopped and a fresh staging folder, which
     * goes afterwards; a data folder made for this goes too if {@code work} fails.
     */
    private static <T> T intoStoppedBox(Path dataDir, Function<Path, T> work) {
        boolean created = !Files.exists(dataDir);
        try (LedgerLock stopped = holdStopped(dataDir)) {
            Path staging = dataDir.resolve(STAGING);
            Backup.deleteFolder(staging);
            DataFolder.create(staging);
            try {
                return work.apply(staging);
            } finally {
                Backup.deleteFolder(staging);
            }
        } catch (RuntimeException e) {
            if (created) {
                Backup.deleteFolder(dataDir);
            }
            throw e;
        }
    }

    private static LedgerLock holdStopped(Path dataDir) {
        try {
            return LedgerLock.holdStopped(dataDir);
        } catch (LedgerLock.BoxRunningException e) {
            throw new BackupException(e.getMessage() + ": stop it first (systemctl stop backroom), then restore", e);
        }
    }

    private static void check(Path staging, Manifest manifest, List<TableAudit> audits) {
        OfflineCheck.Result result;
        try {
            result = OfflineCheck.run(staging, audits);
        } catch (RuntimeException e) {
            throw new BackupException("the backup's ledger cannot be read: " + e.getMessage(), e);
        }
        if (!result.intact()) {
            List<String> problems = new ArrayList<>(result.verifiedPointProblems());
            if (!result.audit().intact()) {
                problems.addFirst(result.audit().problem());
            }
            throw new BackupException("the backup's ledger does not verify: " + String.join("; ", problems));
        }
        LedgerHead head = result.audit().chain().head();
        if (head.seq() != manifest.headSeq() || !head.hash().equals(manifest.headHash())) {
            throw new BackupException("the backup's ledger ends at entry " + head.seq() + " (hash " + head.hash()
                    + ") but its manifest names entry " + manifest.headSeq() + " (hash " + manifest.headHash() + ")");
        }
        String fingerprint = Backup.keyIn(staging).fingerprint();
        Optional<String> recorded;
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(staging), "sa", "")) {
            recorded = BoxKey.recordedFingerprint(handle);
        }
        if (recorded.isPresent() && !recorded.get().equals(fingerprint)) {
            throw new BackupException("the backup's box.key is not the key its ledger's PINs and pairing codes were hashed with");
        }
    }

    private static void checkRebuilt(Path staging, LedgerHead head, List<TableAudit> audits) {
        AuditVerdict audit;
        try {
            audit = OfflineCheck.run(staging, audits).audit();
        } catch (RuntimeException e) {
            throw new BackupException("the rebuilt ledger cannot be read: " + e.getMessage(), e);
        }
        if (!audit.intact()) {
            throw new BackupException("the rebuilt ledger does not verify: " + audit.problem());
        }
        if (!audit.chain().head().equals(head)) {
            throw new BackupException("the rebuilt ledger ends at entry " + audit.chain().head().seq() + " but the copy at entry " + head.seq());
        }
    }

    /**
     * Moves the box's ledger files, key and first-start notice into a new {@code before-restore-<time>/}.
     * The record that this folder holds a ledger ({@code ledger.provisioned}) is copied there, not
     * moved: cut off before the new database is in place, the folder still says it was provisioned,
     * so the box refuses to start on it (its database missing) rather than make a new, empty ledger.
     */
    private static Path moveAside(Path dataDir, Clock clock) {
        List<Path> own;
        try (Stream<Path> files = Files.list(dataDir)) {
            own = files.filter(file -> isTheBoxs(file.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir, e);
        }
        if (own.isEmpty()) {
            return null;
        }
        Path aside = dataDir.resolve(ASIDE.format(clock.instant()));
        for (int n = 2; Files.exists(aside); n++) {
            aside = dataDir.resolve(ASIDE.format(clock.instant()) + "-" + n);
        }
        DataFolder.create(aside);
        try {
            for (Path file : own) {
                if (file.getFileName().toString().equals(LedgerFolder.PROVISIONED)) {
                    Files.copy(file, aside.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    Files.move(file, aside.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("restore stopped half-way moving the box's own files into " + aside
                    + "; move them back from there", e);
        }
        return aside;
    }

    private static boolean isTheBoxs(String name) {
        return LedgerFolder.isLedgerFile(name) || name.startsWith(BoxKey.FILE_NAME) || name.equals("first-start.txt");
    }

    private static void putInPlace(Path staging, Path dataDir, LedgerHead head, Clock clock, String... files) {
        try {
            for (String name : files) {
                Files.move(staging.resolve(name), dataDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            LedgerFolder.adopt(dataDir, head, clock.instant());
            DataFolder.restrictToOwner(dataDir);
            try (FileChannel folder = FileChannel.open(dataDir, StandardOpenOption.READ)) {
                folder.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("restore stopped half-way putting the new ledger into " + dataDir, e);
        }
    }
}
