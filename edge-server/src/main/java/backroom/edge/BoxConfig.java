package backroom.edge;

import backroom.edge.backup.BackupSettings;
import backroom.edge.bumpbar.BumpBarBinding;
import backroom.edge.bumpbar.BumpBarSetup;
import backroom.edge.catalog.ProvisionedStore;
import backroom.edge.hardware.HardwareSetup;
import backroom.edge.ledger.LedgerCompaction;
import backroom.edge.relay.RelaySettings;
import backroom.relay.uplink.UplinkSettings;
import com.pi4j.context.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Where the box listens and keeps its data, read once at start-up. Environment:
 * {@code BACKROOM_HTTP_PORT} (default 8080; 0 picks a free port), {@code BACKROOM_DATA_DIR}
 * (default {@code ./data}), {@code BACKROOM_BOOTSTRAP_PIN} (the technician PIN a box that was never
 * provisioned starts with; random if unset), {@code BACKROOM_MAX_CONNECTIONS} (connections taken at
 * once; 500 unless set, and unless set never more than the open-file limit leaves room for),
 * {@code BACKROOM_IDLE_TIMEOUT_SECONDS} (a connection that sends nothing this long is closed;
 * default 60), {@code BACKROOM_BUMP_BARS} (serial bump bars and GPIO buttons, each bound to a
 * kitchen station: {@code bar=serial:/dev/ttyUSB0?baud=9600;grill=gpio:17,27}, see {@link BumpBarBinding}),
 * {@code BACKROOM_COMPACT_AFTER_QUIET_SECONDS} (the ledger file is compacted once no write has come
 * for this long; default 60: see {@link LedgerCompaction}),
 * {@code BACKROOM_HARDWARE} (printers, drawers and pole displays by role: see {@link HardwareSetup};
 * unset, simulated ones write to files under the data folder; {@code none}, none), and the relay's
 * settings ({@link RelaySettings}), the nightly backup's ({@link BackupSettings}). The configuration file ({@code run --config}) gives the same
 * settings under other names, and the store's settings and taxes ({@code store}).
 */
public record BoxConfig(String host, int httpPort, Path dataDir, String bootstrapPin, OptionalInt maxConnections,
                        Duration idleTimeout, Optional<UplinkSettings> relay, BumpBarSetup bumpBars, HardwareSetup hardware,
                        BackupSettings backups, Optional<ProvisionedStore> store, Duration compactAfterQuiet) {

    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** A box with no relay, bump bars, printers or nightly backups: tests and benches start these, at any hour. */
    public BoxConfig(String host, int httpPort, Path dataDir, String bootstrapPin) {
        this(host, httpPort, dataDir, bootstrapPin, OptionalInt.empty(), IDLE_TIMEOUT, Optional.empty(), BumpBarSetup.NONE, HardwareSetup.NONE,
                BackupSettings.NO_NIGHTLY, Optional.empty(), LedgerCompaction.QUIET);
    }

    public BoxConfig(String host, int httpPort, Path dataDir) {
        this(host, httpPort, dataDir, null);
    }

    /** Reads the environment; a value that is not a number in range is refused with a message naming it. */
    public static BoxConfig fromEnvironment(Map<String, String> env) {
        String maxConnections = env.get("BACKROOM_MAX_CONNECTIONS");
        String idleSeconds = env.get("BACKROOM_IDLE_TIMEOUT_SECONDS");
        String quietSeconds = env.get("BACKROOM_COMPACT_AFTER_QUIET_SECONDS");
        return new BoxConfig(env.getOrDefault("BACKROOM_HTTP_HOST", "0.0.0.0"),
                number(env, "BACKROOM_HTTP_PORT", "8080", 0, 65_535, "a port number"),
                Path.of(env.getOrDefault("BACKROOM_DATA_DIR", "data")), env.get("BACKROOM_BOOTSTRAP_PIN"),
                maxConnections == null ? OptionalInt.empty()
                        : OptionalInt.of(number(env, "BACKROOM_MAX_CONNECTIONS", null, 1, 100_000, "a number of connections")),
                idleSeconds == null ? IDLE_TIMEOUT
                        // Helidon counts idle time in whole seconds, and the live feed pings every third of it.
                        : Duration.ofSeconds(number(env, "BACKROOM_IDLE_TIMEOUT_SECONDS", null, 3, 3_600, "a number of seconds")),
                RelaySettings.fromEnvironment(env), BumpBarSetup.parse(env.getOrDefault("BACKROOM_BUMP_BARS", "")),
                new HardwareSetup(env.getOrDefault("BACKROOM_HARDWARE", "")), BackupSettings.fromEnvironment(env), Optional.empty(),
                quietSeconds == null ? LedgerCompaction.QUIET
                        : Duration.ofSeconds(number(env, "BACKROOM_COMPACT_AFTER_QUIET_SECONDS", null, 1, 86_400, "a number of seconds")));
    }

    private static int number(Map<String, String> env, String name, String otherwise, int least, int most, String what) {
        String value = env.getOrDefault(name, otherwise);
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, with the range
        }
        throw new IllegalArgumentException(name + " must be " + what + " from " + least + " to " + most + ", not '" + value + "'");
    }

    /** How often idle connections are looked for: a quarter of the timeout, from 1 to 15 seconds. */
    public Duration idleCheckEvery() {
        Duration quarter = idleTimeout.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : quarter.compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : quarter;
    }

    public BoxConfig withBootstrapPin(String pin) {
        return new BoxConfig(host, httpPort, dataDir, pin, maxConnections, idleTimeout, relay, bumpBars, hardware, backups, store,
                compactAfterQuiet);
    }

    public BoxConfig withHttpPort(int port) {
        return new BoxConfig(host, port, dataDir, bootstrapPin, maxConnections, idleTimeout, relay, bumpBars, hardware, backups, store,
                compactAfterQuiet);
    }

    public BoxConfig withDataDir(Path dir) {
        return new BoxConfig(host, httpPort, dir, bootstrapPin, maxConnections, idleTimeout, relay, bumpBars, hardware, backups, store,
                compactAfterQuiet);
    }

    /** The same box, with these bump bars. */
    public BoxConfig withBumpBars(List<BumpBarBinding> bars) {
        return new BoxConfig(host, httpPort, dataDir, bootstrapPin, maxConnections, idleTimeout, relay, bumpBars.withBindings(bars),
                hardware, backups, store, compactAfterQuiet);
    }

    /** The same box, with these bump bars and its GPIO pins reached through {@code gpio}. */
    public BoxConfig withBumpBars(List<BumpBarBinding> bars, Supplier<Context> gpio) {
        return new BoxConfig(host, httpPort, dataDir, bootstrapPin, maxConnections, idleTimeout, relay, new BumpBarSetup(bars, gpio),
                hardware, backups, store, compactAfterQuiet);
    }

    /** The same box, with the printers, drawers and pole displays {@code setup} names. */
    public BoxConfig withHardware(HardwareSetup setup) {
        return new BoxConfig(host, httpPort, dataDir, bootstrapPin, maxConnections, idleTimeout, relay, bumpBars, setup, backups, store,
                compactAfterQuiet);
    }

    /** The same box, with the store's settings and taxes from its configuration file. */
    public BoxConfig withProvisionedStore(ProvisionedStore provisioned) {
        return new BoxConfig(host, httpPort, dataDir, bootstrapPin, maxConnections, idleTimeout, relay, bumpBars, hardware,
                backups, Optional.of(provisioned), compactAfterQuiet);
    }

    /** The same box, with these nightly backups. */
    public BoxConfig withBackups(BackupSettings settings) {
        return new BoxConfig(host, httpPort, dataDir, bootstrapPin, maxConnections, idleTimeout, relay, bumpBars, hardware, settings,
                store, compactAfterQuiet);
    }

    /** The same box, relaying to HQ with {@code settings}. */
    public BoxConfig withRelay(UplinkSettings settings) {
        return new BoxConfig(host, httpPort, dataDir, bootstrapPin, maxConnections, idleTimeout, Optional.of(settings), bumpBars,
                hardware, backups, store, compactAfterQuiet);
    }
}
