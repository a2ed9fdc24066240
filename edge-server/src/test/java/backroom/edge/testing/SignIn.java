package backroom.edge.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How tests get in, the way a newcomer does: pair a device with a pairing code, sign in on it with
 * a PIN. A technician session made on a box's first start is remembered by data folder, so a test
 * that restarts the box on the same data goes on with it, as a tablet would.
 */
public final class SignIn {

    /** The technician PIN test boxes start with (BACKROOM_BOOTSTRAP_PIN). */
    public static final String TECHNICIAN_PIN = "1234";

    private static final Map<Path, String> TECHNICIAN_SESSIONS = new ConcurrentHashMap<>();

    private SignIn() {
    }

    /** Pairs a device with {@code code} and returns its device token. */
    public static String pair(int port, String code) {
        Reply paired = new Api(port, null).post("/api/v1/devices/pair", Map.of("code", code));
        if (paired.status() != 201) {
            throw new AssertionError("could not pair with code " + code + ": " + paired);
        }
        return paired.field("token");
    }

    /** Signs in with {@code pin} on the device holding {@code deviceToken}; returns the session token. */
    public static String session(int port, String deviceToken, String pin) {
        Reply signedIn = new Api(port, deviceToken).post("/api/v1/sessions", Map.of("pin", pin));
        if (signedIn.status() != 201) {
            throw new AssertionError("could not sign in with PIN " + pin + ": " + signedIn);
        }
        return signedIn.field("sessionToken");
    }

    /** The technician on a fresh box: pairs with its first pairing code and signs in. */
    public static Api firstTechnician(int port, Path dataDir, String pairingCode) {
        String token = session(port, pair(port, pairingCode), TECHNICIAN_PIN);
        TECHNICIAN_SESSIONS.put(dataDir.toAbsolutePath(), token);
        return new Api(port, token);
    }

    /** A copy of the box's data on {@code copy} (a restored backup) knows the technician's session made on {@code original}. */
    public static void sameTechnician(Path original, Path copy) {
        TECHNICIAN_SESSIONS.put(copy.toAbsolutePath(), TECHNICIAN_SESSIONS.get(original.toAbsolutePath()));
    }

    /** The technician session made on an earlier start of the box on {@code dataDir}. */
    public static Api technicianAgain(int port, Path dataDir) {
        String token = TECHNICIAN_SESSIONS.get(dataDir.toAbsolutePath());
        if (token == null) {
            throw new IllegalStateException("no box was first started on " + dataDir + " by this test run");
        }
        return new Api(port, token);
    }
}
