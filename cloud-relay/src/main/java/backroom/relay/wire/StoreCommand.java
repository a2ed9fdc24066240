package backroom.relay.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

/**
 * One command from HQ to a store, done once by the box however often it is delivered:
 * {@code {"id":"0193...","type":"resend","fromSeq":1}} sends the ledger again from that seq (HQ lost
 * what it held); {@code {"id":"...","type":"revoke-device","deviceId":"..."}} revokes a device and
 * ends its sessions; {@code {"id":"...","type":"rotate-secret","sealedSecret":"..."}} makes the store
 * sign with a new secret from then on, sealed under the current one ({@link SecretSealing}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoreCommand(String id, String type, Long fromSeq, String deviceId, String sealedSecret) {

    public static final String RESEND = "resend";
    public static final String REVOKE_DEVICE = "revoke-device";
    public static final String ROTATE_SECRET = "rotate-secret";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public StoreCommand {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a command's id is 1-64 letters, digits, '.', '_' or '-'");
        }
        switch (type == null ? "" : type) {
            case RESEND -> {
                if (fromSeq == null || fromSeq < 1) {
                    throw new IllegalArgumentException("resend needs fromSeq >= 1");
                }
            }
            case REVOKE_DEVICE -> {
                if (deviceId == null || deviceId.isBlank() || deviceId.length() > 64) {
                    throw new IllegalArgumentException("revoke-device needs a deviceId");
                }
            }
            case ROTATE_SECRET -> {
                if (sealedSecret == null || sealedSecret.isBlank()) {
                    throw new IllegalArgumentException("rotate-secret needs a sealedSecret");
                }
            }
            default -> throw new IllegalArgumentException("a command's type is " + RESEND + ", " + REVOKE_DEVICE + " or " + ROTATE_SECRET
                    + "; got " + type);
        }
    }

    public static StoreCommand resend(String id, long fromSeq) {
        return new StoreCommand(id, RESEND, fromSeq, null, null);
    }

    public static StoreCommand revokeDevice(String id, String deviceId) {
        return new StoreCommand(id, REVOKE_DEVICE, null, deviceId, null);
    }

    /** Tells the store to sign with {@code newSecret} from now on; sealed under {@code currentSecret}, the one it has. */
    public static StoreCommand rotateSecret(String id, String newSecret, String currentSecret) {
        if (newSecret == null || newSecret.length() < 16) {
            throw new IllegalArgumentException("a store secret has at least 16 characters");
        }
        return new StoreCommand(id, ROTATE_SECRET, null, null, SecretSealing.seal(newSecret, currentSecret));
    }
}
