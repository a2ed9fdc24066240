package backroom.edge.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The box's data folder and what the box keeps in it belong to the box's user alone: the folders
 * are {@code rwx------}, the box's files {@code rw-------}, whatever the umask the box was
 * started with. (With the defaults of a service, the ledger was readable by every local user,
 * and a live pairing code with it.) H2 creates its files with the umask's bits, so the box
 * tightens the whole folder once the database is open; the folder itself is closed first, so no
 * one else can reach a file in the meantime.
 */
public final class DataFolder {

    private static final Logger LOG = Logger.getLogger(DataFolder.class.getName());

    public static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** Where {@code backroom pairing-code} leaves codes for the running box. */
    public static final String PAIRING_CODES = "pairing-codes";

    private DataFolder() {
    }

    /**
     * Creates {@code dir} if needed, each folder it creates on the way owner-only too (a folder
     * that exists already, such as /var/lib, is left as it is), and makes {@code dir} the owner's alone.
     */
    public static void create(Path dir) {
        Path absolute = dir.toAbsolutePath();
        try {
            Path existing = absolute;
            while (!Files.exists(existing)) {
                existing = existing.getParent();
            }
            while (!existing.equals(absolute)) {
                existing = existing.resolve(existing.relativize(absolute).getName(0));
                Files.createDirectory(existing, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                setPermissions(existing, OWNER_ONLY_FOLDER);
            }
            setPermissions(absolute, OWNER_ONLY_FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + absolute, e);
        }
    }

    /**
     * Makes the box's own folders and files in {@code dir} the owner's alone: the ledger's files
     * ({@code ledger.*}, H2's among them), {@code box.key}, {@code first-start.txt} and the
     * {@code pairing-codes} folder. Anything else someone keeps in the folder is left as it is.
     * One it cannot change (another user's file put there by hand) is logged, not fatal: the
     * folder itself is closed to others.
     */
    public static void restrictToOwner(Path dir) {
        restrict(dir, OWNER_ONLY_FOLDER);
        for (Path path : list(dir)) {
            String name = path.getFileName().toString();
            if (name.equals(PAIRING_CODES)) {
                restrict(path, OWNER_ONLY_FOLDER);
                list(path).forEach(code -> restrict(code, OWNER_ONLY_FILE));
            } else if (name.startsWith("ledger.") || name.startsWith("box.key") || name.startsWith("first-start.txt")) {
                restrict(path, OWNER_ONLY_FILE);
            }
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "cannot list " + dir.toAbsolutePath() + " to make it the box's alone", e);
            return List.of();
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) {
        try {
            setPermissions(path, permissions);
        } catch (NoSuchFileException gone) {
            // A temporary file H2 or the spool removed meanwhile.
        } catch (IOException e) {
            LOG.warning(e.getMessage());
        }
    }

    /** Writes {@code content} to {@code dir/name} whole or not at all, owner-only, and forces it to disk. */
    public static void writeDurably(Path dir, String name, String content) {
        Path target = dir.resolve(name);
        Path temporary = dir.resolve(name + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
                folder.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (FileSystemException e) {
            if (e instanceof NoSuchFileException) {
                throw e;
            }
            throw new IOException("cannot restrict " + path + " to its owner: " + e.getMessage(), e);
        }
    }
}
