package backroom.edge.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Staff PINs, stored as {@code pbkdf2-sha256-keyed:<iterations>:<salt b64>:<hash b64>}: PBKDF2 over
 * the PIN keyed with the {@link BoxKey}. A 4-digit PIN has only 10,000 values, so no stretching
 * alone protects one (unkeyed, each stored hash fell in about two minutes); the key, which is not
 * in the database, is what makes a stolen database useless for guessing, and the lockout after
 * five wrong PINs is what protects the box itself. 40,000 iterations took about 12 ms here: sign-in
 * without a staff id checks every active PIN, so the cost is paid once per staff member.
 *
 * <p>Hashes made before the key ({@code pbkdf2-sha256:...}, the PIN itself stretched) still
 * match, and sign-in replaces one with a keyed hash the first time its PIN is given.
 */
final class Pins {

    static final Pattern FORMAT = Pattern.compile("[0-9]{4,8}");
    private static final int ITERATIONS = 40_000;
    private static final String KEYED = "pbkdf2-sha256-keyed";
    private static final String UNKEYED = "pbkdf2-sha256";

    private Pins() {
    }

    static boolean wellFormed(String pin) {
        return pin != null && FORMAT.matcher(pin).matches();
    }

    static String hash(BoxKey key, String pin, byte[] salt) {
        Base64.Encoder b64 = Base64.getEncoder();
        return KEYED + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(derive(key.pinInput(pin), salt, ITERATIONS));
    }

    /** Whether {@code pin} is the one {@code stored} was made from; never for a staff member with no PIN ({@code stored} null). */
    static boolean matches(BoxKey key, String pin, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split(":");
        boolean keyed = parts[0].equals(KEYED);
        if (parts.length != 4 || !keyed && !parts[0].equals(UNKEYED)) {
            throw new IllegalStateException("unknown PIN hash scheme: " + parts[0]);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(keyed ? key.pinInput(pin) : pin, b64.decode(parts[2]), Integer.parseInt(parts[1])));
    }

    /** Whether {@code stored} was made before PINs were keyed, and should be made again. */
    static boolean isUnkeyed(String stored) {
        return stored.startsWith(UNKEYED + ":");
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
