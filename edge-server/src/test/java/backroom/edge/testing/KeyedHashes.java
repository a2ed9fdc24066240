package backroom.edge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The documented hash formulas, written out again for tests, apart from the code they check:
 * HMAC-SHA256 under the key in {@code <data>/box.key} over {@code purpose + "\n" + secret}, in hex,
 * and PBKDF2-HMAC-SHA256 of a password with a salt, 256 bits.
 */
public final class KeyedHashes {

    private KeyedHashes() {
    }

    public static String hmacHex(Path dataDir, String purpose, String secret) {
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(dataDir.resolve("box.key")).strip());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pbkdf2Base64(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return Base64.getEncoder().encodeToString(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
