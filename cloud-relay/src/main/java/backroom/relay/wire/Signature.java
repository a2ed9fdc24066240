package backroom.relay.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs relay messages with the store's secret: a signed message is the 32 bytes of
 * HMAC-SHA256(secret, body) followed by the body. Both directions use it, so neither a batch
 * nor an ack can be forged by anyone who can publish to the broker but lacks the secret.
 */
public final class Signature {

    static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Signature(String storeSecret) {
        if (storeSecret == null || storeSecret.length() < 16) {
            throw new IllegalArgumentException("a store secret has at least 16 characters");
        }
        this.key = new SecretKeySpec(storeSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public byte[] seal(byte[] body) {
        byte[] signed = new byte[LENGTH + body.length];
        System.arraycopy(mac(body), 0, signed, 0, LENGTH);
        System.arraycopy(body, 0, signed, LENGTH, body.length);
        return signed;
    }

    /** The body of a message this secret signed; throws for any other. */
    public byte[] open(byte[] signed) throws BadMessageException {
        if (signed.length < LENGTH) {
            throw new BadMessageException("a signed message is at least " + LENGTH + " bytes; got " + signed.length);
        }
        byte[] body = Arrays.copyOfRange(signed, LENGTH, signed.length);
        if (!MessageDigest.isEqual(mac(body), Arrays.copyOf(signed, LENGTH))) {
            throw new BadMessageException("the signature does not match the store's secret");
        }
        return body;
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }
}
