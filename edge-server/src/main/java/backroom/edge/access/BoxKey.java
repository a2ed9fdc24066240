package backroom.edge.access;

import backroom.edge.ledger.DataFolder;
import backroom.edge.ledger.LedgerWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The box's secret key, 256 random bits in {@code <data>/box.key} (owner-only), outside the
 * ledger database. PIN and pairing-code hashes are keyed with it (HMAC-SHA256), so a copy of the
 * database alone reveals neither: an unkeyed six-digit code fell to a million SHA-256 guesses in
 * under a second, and a four-digit PIN's PBKDF2 hash to ten thousand guesses in two minutes.
 *
 * <p>The database keeps the key's fingerprint (an HMAC of a fixed text, never the key), so a box
 * whose key file is lost, or replaced by another box's, refuses to start rather than turn every
 * PIN away.
 */
public final class BoxKey {

    public static final String FILE_NAME = "box.key";
    private static final String HMAC = "HmacSHA256";
    private static final int BYTES = 32;

    private final byte[] secret;

    private BoxKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /** The key of the box in {@code dataDir}, made on its first start and checked against the database on every later one. */
    public static BoxKey openOrMake(Path dataDir, Jdbi jdbi, LedgerWriter writer, RandomGenerator random) {
        Path file = dataDir.resolve(FILE_NAME);
        Optional<String> recorded = jdbi.withHandle(handle -> handle.createQuery("SELECT fingerprint FROM box_key WHERE id = 1")
                .mapTo(String.class).findOne());
        if (!Files.exists(file)) {
            if (recorded.isPresent()) {
                throw new BoxKeyException(file, "it is missing, but this ledger's PINs and pairing codes were hashed with it;"
                        + " restore it from the backup of this box's data folder");
            }
            byte[] secret = new byte[BYTES];
            random.nextBytes(secret);
            DataFolder.writeDurably(dataDir, FILE_NAME, Base64.getEncoder().encodeToString(secret) + "\n");
        }
        BoxKey key = read(dataDir);
        if (recorded.isEmpty()) {
            writer.submit((handle, ledger) -> handle.createUpdate("INSERT INTO box_key (id, fingerprint) VALUES (1, :fingerprint)")
                    .bind("fingerprint", key.fingerprint()).execute());
        } else if (!recorded.get().equals(key.fingerprint())) {
            throw new BoxKeyException(file, "it is not the key this ledger's PINs and pairing codes were hashed with"
                    + " (a key from another box?); restore this box's own key from its backup");
        }
        return key;
    }

    /**
     * The key of an existing box, for commands run beside it ({@code backroom pairing-code}). A key
     * file another user owns is refused: one put there before the box first started would be
     * adopted as the box's own.
     */
    public static BoxKey read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            String owner = Files.getOwner(file).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                throw new BoxKeyException(file, "it belongs to " + owner + ", not to the box's user " + System.getProperty("user.name"));
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
            if (secret.length != BYTES) {
                throw new BoxKeyException(file, "it does not hold a " + BYTES * 8 + "-bit key");
            }
            return new BoxKey(secret);
        } catch (IOException e) {
            throw new BoxKeyException(file, "it cannot be read: " + e, new UncheckedIOException(e));
        } catch (IllegalArgumentException e) {
            throw new BoxKeyException(file, "it does not hold a key in base64", e);
        }
    }

    /** A pairing code's hash as the pairing_codes table keeps it: 64 hex digits. */
    public String pairingCodeHash(String digits) {
        return mac("pairing-code", digits);
    }

    /** What a PIN is stretched from: the PIN keyed with the box key, useless to a guesser without it. */
    String pinInput(String pin) {
        return mac("pin", pin);
    }

    /** A guest's table code or session, signed under the box key: nothing to store, and no one without the key can make one. */
    public String selfOrderMac(String value) {
        return mac("self-order", value);
    }

    /** What the database records of this key: an HMAC of a fixed text under it, never the key. */
    public String fingerprint() {
        return mac("fingerprint", "backroom box key");
    }

    /** The fingerprint of the key a database's hashes were made with, if it records one yet. */
    public static Optional<String> recordedFingerprint(Handle handle) {
        return handle.createQuery("SELECT fingerprint FROM box_key WHERE id = 1").mapTo(String.class).findOne();
    }

    private String mac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return HexFormat.of().formatHex(mac.doFinal((purpose + "\n" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** The key file is missing, unreadable or not this box's: the box cannot check PINs and must not start. */
    public static final class BoxKeyException extends RuntimeException {

        BoxKeyException(Path file, String problem) {
            this(file, problem, null);
        }

        BoxKeyException(Path file, String problem, Throwable cause) {
            super(file.toAbsolutePath() + ": " + problem, cause);
        }
    }
}
