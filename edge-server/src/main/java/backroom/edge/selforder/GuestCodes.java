package backroom.edge.selforder;

import backroom.edge.access.BoxKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The codes guests hold, each signed under the box key so nothing secret is stored: a table's QR
 * code (the table and its code version) and a session ({@code table.version.expiry.nonce.mac}),
 * which lasts {@link #SESSION_LIFE} and dies with its table's code version.
 */
final class GuestCodes {

    static final Duration SESSION_LIFE = Duration.ofHours(3);
    private static final int CODE_HEX = 32;

    private final BoxKey key;
    private final RandomGenerator random;

    GuestCodes(BoxKey key, RandomGenerator random) {
        this.key = key;
        this.random = random;
    }

    /** What a table's QR code carries beside the table's id. */
    String tableCode(String tableId, int version) {
        return key.selfOrderMac("table\n" + tableId + "\n" + version).substring(0, CODE_HEX);
    }

    boolean isTableCode(String tableId, int version, String code) {
        return code != null && same(tableCode(tableId, version), code);
    }

    /** A new session at the table, lasting {@link #SESSION_LIFE} from {@code now} (to the second). */
    Session open(String tableId, int version, Instant now) {
        Instant expires = now.plus(SESSION_LIFE).truncatedTo(ChronoUnit.SECONDS);
        String body = encode(tableId) + "." + version + "." + expires.getEpochSecond() + "." + Long.toHexString(random.nextLong());
        return new Session(body + "." + key.selfOrderMac("session\n" + body).substring(0, CODE_HEX), tableId, version, expires);
    }

    /** The session's table, version and expiry, if it was signed here and has not expired at {@code now}. */
    Optional<Session> read(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5) {
            return Optional.empty();
        }
        String body = token.substring(0, token.lastIndexOf('.'));
        if (!same(key.selfOrderMac("session\n" + body).substring(0, CODE_HEX), parts[4])) {
            return Optional.empty();
        }
        try {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!now.isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Session(token, decode(parts[0]), Integer.parseInt(parts[1]), expires));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }

    /** A guest's session: as the guest holds it, its table, the table's code version when it opened, and when it ends. */
    record Session(String token, String tableId, int version, Instant expiresAt) {
    }
}
