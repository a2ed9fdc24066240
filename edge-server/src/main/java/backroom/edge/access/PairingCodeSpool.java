package backroom.edge.access;

import backroom.edge.ledger.DataFolder;
import backroom.edge.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How {@code backroom pairing-code}, run on the box itself, hands a code to the running box,
 * whose ledger database it cannot open while the box holds it: one file per code in
 * {@code <data>/pairing-codes/}, readable by the box's user only, holding the code's hash (never
 * the code), e.g. {@code {"codeHash":"9f86...","name":"Tablet 2","kind":"terminal",
 * "madeAt":"2026-11-24T09:00:00Z","expiresAt":"2026-11-24T09:10:00Z"}}. The box records waiting
 * files in its ledger before it checks a code, then deletes them.
 */
public final class PairingCodeSpool {

    private static final Logger LOG = Logger.getLogger(PairingCodeSpool.class.getName());

    private final Path dir;
    private final Set<Path> passedOver = ConcurrentHashMap.newKeySet();

    public PairingCodeSpool(Path dataDir) {
        this.dir = dataDir.resolve(DataFolder.PAIRING_CODES);
    }

    /** A code waiting in its file. */
    record Waiting(Path file, PairingCode code) {
    }

    public void put(PairingCode code) {
        try {
            DataFolder.create(dir);
            Path temporary = dir.resolve(UUID.randomUUID() + ".tmp");
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, Json.write(code));
            Files.move(temporary, dir.resolve(temporary.getFileName().toString().replace(".tmp", ".json")),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a pairing code into " + dir, e);
        }
    }

    List<Waiting> waiting() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Waiting> waiting = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                read(file).ifPresent(code -> waiting.add(new Waiting(file, code)));
            }
        } catch (IOException e) {
            LOG.warning("cannot read the pairing codes waiting in " + dir + " (" + e + "); pairing goes on without them");
        }
        return waiting;
    }

    /**
     * A file the box cannot read or use (written by another user, say root, or cut short) is
     * passed over, and logged the first time: it must not stop pairing for everyone.
     */
    private Optional<PairingCode> read(Path file) {
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), PairingCode.class));
        } catch (IOException e) {
            if (passedOver.add(file)) {
                LOG.warning("passing over the waiting pairing code " + file + ": " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    void remove(Waiting taken) {
        try {
            Files.deleteIfExists(taken.file());
        } catch (IOException e) {
            LOG.warning("cannot remove the pairing code taken from " + taken.file() + ": " + e.getMessage());
        }
    }
}
