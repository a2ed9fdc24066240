package backroom.edge.backup;

import backroom.edge.access.BoxKey;
import backroom.edge.ledger.DataFolder;
import backroom.edge.ledger.LedgerFolder;
import backroom.edge.web.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A backup file: a zip of exactly three entries, in this order:
 *
 * <pre>
 *   manifest.json   what the backup is ({@link Manifest}): format 1, when, the ledger's head seq and hash
 *   ledger.mv.db    the ledger database, compacted and closed cleanly: opened by H2 as it is
 *   box.key         the box's key, as in the data folder (base64 of 32 bytes and a newline)
 * </pre>
 *
 * It holds the key PINs and pairing codes are hashed with, so it is written owner-only
 * ({@code rw-------}), to a {@code .part} file beside the target that is forced to disk and then
 * renamed over it: a reader finds a whole backup under the name, or none.
 */
public final class BackupArchive {

    static final String MANIFEST = "manifest.json";
    private static final Set<String> ENTRIES = Set.of(MANIFEST, LedgerFolder.DATABASE, BoxKey.FILE_NAME);

    private BackupArchive() {
    }

    /** Writes {@code work}'s {@code ledger.mv.db} and {@code box.key} with {@code manifest} to {@code target}, whole or not at all. */
    static void write(Path target, Path work, Manifest manifest) {
        writeWhole(target, out -> {
            // Each putNextEntry ends the entry before it; close() ends the last and writes the directory.
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(Json.write(manifest).getBytes(StandardCharsets.UTF_8));
                for (String name : new String[] {LedgerFolder.DATABASE, BoxKey.FILE_NAME}) {
                    zip.putNextEntry(new ZipEntry(name));
                    Files.copy(work.resolve(name), zip);
                }
            }
        });
    }

    /** Copies the backup {@code from} to {@code target}, whole or not at all, owned by whoever runs this. */
    public static void copy(Path from, Path target) {
        writeWhole(target, out -> Files.copy(from, out));
    }

    /** The manifest of the backup {@code file}; refuses a file that is not a backup this box reads. */
    public static Manifest manifestOf(Path file) {
        try (ZipFile zip = open(file)) {
            return manifest(zip, file);
        } catch (IOException e) {
            throw notABackup(file, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Checks that {@code file} is a whole backup of this format and takes its database and key out
     * into {@code into}; refuses one whose database is not the one its manifest describes.
     */
    static Manifest unpack(Path file, Path into) {
        try (ZipFile zip = open(file)) {
            Manifest manifest = manifest(zip, file);
            for (String name : new String[] {LedgerFolder.DATABASE, BoxKey.FILE_NAME}) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    Files.copy(in, into.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String sha256 = sha256(into.resolve(LedgerFolder.DATABASE));
            if (!sha256.equals(manifest.ledgerSha256())) {
                throw notABackup(file, "its " + LedgerFolder.DATABASE + " is not the one its manifest describes (SHA-256 "
                        + sha256 + ", the manifest says " + manifest.ledgerSha256() + ")", null);
            }
            return manifest;
        } catch (IOException e) {
            throw notABackup(file, "it is damaged (" + e.getMessage() + ")", e);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file.toAbsolutePath() + " is not a file");
        }
        try {
            return new ZipFile(file.toFile());
        } catch (IOException e) {
            throw notABackup(file, "it is not a zip file (" + e.getMessage() + ")", e);
        }
    }

    private static Manifest manifest(ZipFile zip, Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            names.add(entries.nextElement().getName());
        }
        if (!names.equals(ENTRIES)) {
            throw notABackup(file, "it holds " + names + " where a backup holds " + new TreeSet<>(ENTRIES), null);
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(zip.getEntry(MANIFEST))) {
            manifest = Json.MAPPER.readValue(in, Manifest.class);
        } catch (IOException e) {
            throw notABackup(file, "its manifest cannot be read (" + e.getMessage() + ")", e);
        }
        if (manifest.format() != Manifest.FORMAT) {
            throw notABackup(file, "its format is " + manifest.format() + "; this box reads format " + Manifest.FORMAT, null);
        }
        if (manifest.headHash() == null || manifest.ledgerSha256() == null || manifest.createdAt() == null) {
            throw notABackup(file, "its manifest lacks the ledger's head, its SHA-256 or when it was made", null);
        }
        return manifest;
    }

    private static BackupException notABackup(Path file, String why, Throwable cause) {
        return new BackupException(file.toAbsolutePath() + " is not a Backroom backup this box can restore: " + why, cause);
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** What writes a file's bytes. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code target} owner-only through a {@code .part} beside it, forced to disk, then renamed over it. */
    private static void writeWhole(Path target, Content content) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.deleteIfExists(part);
            Files.createFile(part, PosixFilePermissions.asFileAttribute(DataFolder.OWNER_ONLY_FILE));
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try (FileChannel written = FileChannel.open(part, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                folder.force(true);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(part);
            throw e instanceof RuntimeException failed ? failed : new BackupException("cannot write " + target + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the .part is left; the next backup to this name replaces it
        }
    }
}
