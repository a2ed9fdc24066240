package backroom.edge.access;

import backroom.edge.access.Caller.PairedDevice;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Problem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Making pairing codes, and pairing a device with one: a code goes in, a device token comes out. */
public final class Pairing {

    private final LedgerWriter writer;
    private final Keyring keyring;
    private final SecretTokens tokens;
    private final BoxKey key;
    private final PairingCodeSpool spool;
    private final Supplier<UUID> ids;
    private final Clock clock;

    public Pairing(LedgerWriter writer, Keyring keyring, SecretTokens tokens, BoxKey key, PairingCodeSpool spool, Supplier<UUID> ids,
                   Clock clock) {
        this.writer = writer;
        this.keyring = keyring;
        this.tokens = tokens;
        this.key = key;
        this.spool = spool;
        this.ids = ids;
        this.clock = clock;
    }

    /** A code as shown to the technician: the digits, once, and when they stop working. */
    public record MadeCode(String code, String name, DeviceKind kind, Instant expiresAt) {
    }

    /** The answer to a device that paired: the only time its token is ever shown. */
    record PairedDeviceToken(String deviceId, String token, String name, DeviceKind kind) {
    }

    /** A fresh code for one device of this kind; {@code by} is null when the box makes it itself. */
    public MadeCode makeCode(String name, DeviceKind kind, Actor by) {
        while (true) {
            String digits = tokens.pairingCode();
            PairingCode code = newCode(key, digits, name, kind, clock.instant());
            boolean made = writer.submit((handle, ledger) -> {
                if (PairingCodes.isLive(handle, code.codeHash(), ledger.now())) {
                    return false;
                }
                PairingCodes.record(handle, ledger, code, by);
                return true;
            });
            if (made) {
                return new MadeCode(digits, name, kind, code.expiresAt());
            }
        }
    }

    /** A code to hand over through the {@link PairingCodeSpool}, for {@code backroom pairing-code}. */
    public static PairingCode newCode(BoxKey key, String digits, String name, DeviceKind kind, Instant now) {
        Instant made = now.truncatedTo(ChronoUnit.MILLIS);
        return new PairingCode(key.pairingCodeHash(digits), name, kind, made, made.plus(PairingCodes.LIFE));
    }

    /** Checks the code and counts it if wrong in one write: see {@link PairingFailures}. */
    PairedDeviceToken pair(String code) {
        takeSpooledCodes();
        String codeHash = key.pairingCodeHash(code);
        String token = tokens.deviceToken();
        String deviceId = ids.get().toString();
        Optional<PairedDevice> paired = writer.submit((handle, ledger) -> {
            PairingFailures.requireOpen(handle, ledger.now());
            Optional<PairingCode> used = PairingCodes.use(handle, codeHash, ledger.now());
            if (used.isEmpty()) {
                PairingFailures.record(handle, ledger);
                return Optional.empty();
            }
            PairedDevice device = new PairedDevice(deviceId, used.get().name(), used.get().kind());
            Devices.pair(handle, ledger, device, SecretTokens.hash(token));
            return Optional.of(device);
        });
        if (paired.isEmpty()) {
            throw Problem.invalid("code", "is not a live pairing code (wrong, used, or older than "
                    + PairingCodes.LIFE.toMinutes() + " minutes); ask a technician for a new one");
        }
        keyring.devicePaired(SecretTokens.hash(token), paired.get());
        return new PairedDeviceToken(deviceId, token, paired.get().name(), paired.get().kind());
    }

    /** Records codes made on the command line; a file whose code is recorded already is only removed. */
    private void takeSpooledCodes() {
        for (PairingCodeSpool.Waiting waiting : spool.waiting()) {
            PairingCode code = waiting.code();
            writer.submit((handle, ledger) -> {
                boolean takeable = code.expiresAt().isAfter(ledger.now()) && !PairingCodes.isRecorded(handle, code)
                        && !PairingCodes.isLive(handle, code.codeHash(), ledger.now());
                if (takeable) {
                    PairingCodes.record(handle, ledger, code, null);
                }
                return null;
            });
            spool.remove(waiting);
        }
    }
}
