package backroom.relay.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A store's new secret on its way down ({@code rotate-secret}): AES-256-GCM under a key derived
 * from the store's current secret, so the broker, and anyone who reads its messages, never sees
 * it. Sealed: base64 of the 12-byte nonce followed by the ciphertext and its tag.
 */
public final class SecretSealing {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretSealing() {
    }

    public static String seal(String newSecret, String currentSecret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, currentSecret, nonce, newSecret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    /** The new secret {@link #seal} sealed under {@code currentSecret}; throws for anything else. */
    public static String open(String sealed, String currentSecret) throws BadMessageException {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length <= NONCE_BYTES) {
                throw new BadMessageException("a sealed secret is longer than its nonce");
            }
            byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
            byte[] body = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
            return new String(cipher(Cipher.DECRYPT_MODE, currentSecret, nonce, body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadMessageException("the new secret was not sealed under this store's secret", e);
        }
    }

    private static byte[] cipher(int mode, String currentSecret, byte[] nonce, byte[] input) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256")
                    .digest(("backroom rotate-secret\n" + currentSecret).getBytes(StandardCharsets.UTF_8));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the tag does not match", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
        }
    }
}
