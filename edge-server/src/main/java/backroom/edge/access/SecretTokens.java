package backroom.edge.access;

import backroom.edge.ledger.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * Device tokens, session tokens and pairing codes: made from a strong random source and kept only
 * as SHA-256 hashes. A token is 256 random bits in base64url behind a prefix that says what it is
 * ({@code bd_} device, {@code bs_} session), so a leaked one is recognisable in a log or a scan.
 */
public final class SecretTokens {

    static final String DEVICE_PREFIX = "bd_";
    static final String SESSION_PREFIX = "bs_";

    private final RandomGenerator random;

    public SecretTokens(RandomGenerator random) {
        this.random = random;
    }

    public static SecretTokens strong() {
        return new SecretTokens(new SecureRandom());
    }

    String deviceToken() {
        return DEVICE_PREFIX + random256();
    }

    String sessionToken() {
        return SESSION_PREFIX + random256();
    }

    /** Six digits, leading zeros kept. */
    public String pairingCode() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }

    /** Four digits, for the technician PIN a new box starts with. */
    String pin() {
        return "%04d".formatted(random.nextInt(10_000));
    }

    byte[] salt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    public static String hash(String secret) {
        return Sha256.hex(secret);
    }

    private String random256() {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
