package backroom.edge.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Staff PINs, stored as {@code pbkdf2-sha256:<iterations>:<salt b64>:<hash b64>}. A 4-digit PIN
 * has only 10,000 values, so the hash slows an offline guesser rather than stops one; the lockout
 * after five wrong PINs is what protects the box. 40,000 iterations took about 12 ms here: sign-in
 * without a staff id checks every active PIN, so the cost is paid once per staff member.
 */
final class Pins {

    static final Pattern FORMAT = Pattern.compile("[0-9]{4,8}");
    private static final int ITERATIONS = 40_000;
    private static final String SCHEME = "pbkdf2-sha256";

    private Pins() {
    }

    static boolean wellFormed(String pin) {
        return pin != null && FORMAT.matcher(pin).matches();
    }

    static String hash(String pin, byte[] salt) {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(derive(pin, salt, ITERATIONS));
    }

    static boolean matches(String pin, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalStateException("unknown PIN hash scheme: " + parts[0]);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(pin, b64.decode(parts[2]), Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
