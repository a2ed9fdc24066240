package backroom.edge.access;

import backroom.edge.access.Caller.PairedDevice;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.ledger.Write;
import backroom.edge.web.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Making pairing codes, and pairing a device with one: a code goes in, a device token comes out.
 * A code's ten minutes, and the ten minutes wrong codes are counted over, are a person's time: the
 * clock's, not the ledger's, which stands still while the clock is behind it.
 */
public final class Pairing {

    private final LedgerWriter writer;
    private final Keyring keyring;
    private final SecretTokens tokens;
    private final BoxKey key;
    private final PairingCodeSpool spool;
    private final Supplier<UUID> ids;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.EPOCH;

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
        return makeCode(name, kind, by, (ledger, made) -> { });
    }

    /**
     * A fresh code, with {@code alongside} done in the same ledger write once the code is recorded
     * (the code printed on a slip, say): both happen, or neither.
     */
    public MadeCode makeCode(String name, DeviceKind kind, Actor by, BiConsumer<LedgerAppender, MadeCode> alongside) {
        while (true) {
            String digits = tokens.pairingCode();
            PairingCode code = newCode(key, digits, name, kind, clock.instant());
            boolean made = writer.submit((handle, ledger) -> {
                if (PairingCodes.isLive(handle, code.codeHash(), code.madeAt())) {
                    return false;
                }
                PairingCodes.record(handle, ledger, code, by);
                alongside.accept(ledger, new MadeCode(digits, name, kind, code.expiresAt()));
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

    /**
     * Checks the code and counts it if wrong in one write: see {@link PairingFailures}. While
     * pairing is paused, a request is refused here, without a write: a flood of wrong codes must
     * not take the ledger writer's time from sales. The database stays the authority: after a
     * restart the first request learns of a pause from it.
     */
    PairedDeviceToken pair(String code) {
        Duration paused = Duration.between(clock.instant(), pausedUntil);
        if (paused.isPositive()) {
            throw PairingFailures.paused(paused);
        }
        takeSpooledCodes();
        String codeHash = key.pairingCodeHash(code);
        String token = tokens.deviceToken();
        String deviceId = ids.get().toString();
        Optional<PairedDevice> paired = submitNoting429((handle, ledger) -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            int wrongBefore = PairingFailures.requireOpen(handle, now);
            Optional<PairingCode> used = PairingCodes.use(handle, codeHash, now);
            if (used.isEmpty()) {
                PairingFailures.record(handle, ledger, now, wrongBefore);
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

    /** Runs the pairing write; a refusal because pairing is paused also pauses it here, for its Retry-After. */
    private <T> T submitNoting429(Write<T> write) {
        try {
            return writer.submit(write);
        } catch (Problem refused) {
            if (refused.status() == 429) {
                refused.retryAfter().ifPresent(wait -> pausedUntil = clock.instant().plus(wait));
            }
            throw refused;
        }
    }

    /** Records codes made on the command line; a file whose code is recorded already is only removed. */
    private void takeSpooledCodes() {
        for (PairingCodeSpool.Waiting waiting : spool.waiting()) {
            PairingCode code = waiting.code();
            writer.submit((handle, ledger) -> {
                Instant now = clock.instant();
                boolean takeable = code.expiresAt().isAfter(now) && !PairingCodes.isRecorded(handle, code)
                        && !PairingCodes.isLive(handle, code.codeHash(), now);
                if (takeable) {
                    PairingCodes.record(handle, ledger, code, null);
                }
                return null;
            });
            spool.remove(waiting);
        }
    }
}
