package backroom.edge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom provision}: writes the store's configuration file (see {@link ConfigFile}), or
 * changes the keys given in one that is there, keeping the rest. The result is checked as
 * {@code run --config} would check it before it replaces the file, so a mistake changes nothing;
 * the file holds the store's and the broker's secrets, so only the box's user may read it.
 */
@Command(name = "provision", description = "Write the store's configuration file (store, relay, hardware, settings, taxes).")
final class ProvisionCommand implements Callable<Integer> {

    static final Path DEFAULT_FILE = Path.of("/etc/backroom/backroom.yaml");
    private static final String HEADER = """
            # Backroom box configuration, written by `backroom provision`; read by `backroom run --config FILE`.
            # BACKROOM_ variables in the service's environment override what is here.
            """;

    @Option(names = "--config", paramLabel = "FILE", description = "The file to write (default: /etc/backroom/backroom.yaml).")
    private Path file = DEFAULT_FILE;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "The box's group, the only one besides root that may read the file (default: backroom; if it does not exist,"
                    + " the file is the writer's alone).")
    private String group = "backroom";

    @Option(names = "--franchise") private String franchise;
    @Option(names = "--store", description = "The store's id at HQ.") private String store;
    @Option(names = "--store-secret", description = "The store's secret shared with HQ (made up if the store has none).")
    private String storeSecret;
    @Option(names = "--broker", paramLabel = "URL", description = "tcp://host:port or ssl://host:port") private String broker;
    @Option(names = "--broker-username") private String brokerUsername;
    @Option(names = "--broker-password") private String brokerPassword;
    @Option(names = "--broker-ca", paramLabel = "PEM") private String brokerCa;
    @Option(names = "--http-port") private String httpPort;
    @Option(names = "--data", paramLabel = "DIR") private String data;
    @Option(names = "--hardware", paramLabel = "ROLE=PROFILE@CONNECTION",
            description = "A printer, drawer or pole display from device-profiles/, e.g. receipt=epson-tm-t20iii@usb:/dev/usb/lp0"
                    + " (repeat for each role; `none` for no hardware).")
    private List<String> hardware = new ArrayList<>();
    @Option(names = "--bump-bar", paramLabel = "STATION=CONNECTION") private List<String> bumpBars = new ArrayList<>();
    @Option(names = "--backup-at", paramLabel = "HH:MM", description = "When the nightly backup runs (default 03:00).")
    private String backupAt;
    @Option(names = "--backup-keep", description = "How many nightly backups are kept (default 7; 0: none).") private String backupKeep;
    @Option(names = "--backup-dir", paramLabel = "DIR", description = "Where nightly backups go (default <data>/backups).")
    private String backupDir;
    @Option(names = "--store-name") private String storeName;
    @Option(names = "--service-charge-bp", description = "Service charge in basis points (500 = 5%).") private Integer serviceChargeBp;
    @Option(names = "--rounding-increment") private Long roundingIncrement;
    @Option(names = "--rounding-mode", description = "HALF_UP, DOWN or UP") private String roundingMode;
    @Option(names = "--tax", paramLabel = "ID=NAME:RATE_BP[:inclusive]",
            description = "A tax rate, e.g. \"ppn=PPN 11%:1100\" (repeat for each; replaces the file's taxes).")
    private List<String> taxes = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, Object> config;
        try {
            config = existing();
        } catch (ConfigFile.ConfigFileException e) {
            System.err.println("Nothing was written; mend or move the file first: " + e.getMessage());
            return 2;
        }
        String madeSecret = null;
        try {
            put(config, "store", "franchise", franchise);
            put(config, "store", "id", store);
            put(config, "store", "secret", storeSecret);
            if (section(config, "store").containsKey("id") && !section(config, "store").containsKey("secret")) {
                madeSecret = newSecret();
                put(config, "store", "secret", madeSecret);
            }
            put(config, "relay", "url", broker);
            put(config, "relay", "username", brokerUsername);
            put(config, "relay", "password", brokerPassword);
            put(config, "relay", "ca", brokerCa);
            put(config, "http", "port", httpPort == null ? null : number(httpPort));
            if (data != null) {
                config.put("data", data);
            }
            hardware(config);
            bumpBars.forEach(bar -> put(config, "bumpBars", nameOf(bar, "--bump-bar"), valueOf(bar)));
            put(config, "backup", "at", backupAt);
            put(config, "backup", "keep", backupKeep == null ? null : number(backupKeep));
            put(config, "backup", "dir", backupDir);
            put(config, "settings", "storeName", storeName);
            put(config, "settings", "serviceChargeBp", serviceChargeBp);
            put(config, "settings", "roundingIncrement", roundingIncrement);
            put(config, "settings", "roundingMode", roundingMode);
            if (!taxes.isEmpty()) {
                config.put("taxes", taxes.stream().map(ProvisionCommand::tax).toList());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("Nothing was written: " + e.getMessage());
            return 2;
        }
        String text = HEADER + yaml().dump(config);
        try {
            ConfigFile.parse(file, text);
        } catch (ConfigFile.ConfigFileException e) {
            System.err.println("Nothing was written: " + e.getMessage());
            return 2;
        }
        write(text);
        System.out.println("Wrote " + file.toAbsolutePath() + "; start the box with: backroom run --config " + file.toAbsolutePath());
        if (madeSecret != null) {
            Object id = section(config, "store").get("id");
            Object of = section(config, "store").getOrDefault("franchise", "FRANCHISE");
            System.out.println("Give HQ this line for its stores file (hq --stores): " + of + "/" + id + " " + madeSecret);
        }
        return 0;
    }

    private Map<String, Object> existing() {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        ConfigFile.read(file);
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            @SuppressWarnings("unchecked")
            Map<String, Object> config = loaded == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) loaded);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void hardware(Map<String, Object> config) {
        if (hardware.equals(List.of("none"))) {
            config.put("hardware", "none");
            return;
        }
        if (!hardware.isEmpty() && "none".equals(config.get("hardware"))) {
            config.remove("hardware");
        }
        hardware.forEach(role -> put(config, "hardware", nameOf(role, "--hardware"), valueOf(role)));
    }

    private static void put(Map<String, Object> config, String section, String key, Object value) {
        if (value != null) {
            section(config, section).put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> config, String name) {
        Object section = config.get(name);
        if (!(section instanceof Map<?, ?>)) {
            section = new LinkedHashMap<String, Object>();
            config.put(name, section);
        }
        return (Map<String, Object>) section;
    }

    private static String nameOf(String setting, String option) {
        int equals = setting.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(option + " '" + setting + "' must be NAME=VALUE");
        }
        return setting.substring(0, equals).strip();
    }

    private static String valueOf(String setting) {
        return setting.substring(setting.indexOf('=') + 1).strip();
    }

    /** {@code ppn=PPN 11%:1100[:inclusive]}. */
    static Map<String, Object> tax(String setting) {
        String id = nameOf(setting, "--tax");
        String[] parts = valueOf(setting).split(":");
        if (parts.length < 2 || parts.length > 3 || parts.length == 3 && !parts[2].equals("inclusive")) {
            throw new IllegalArgumentException("--tax '" + setting + "' must be ID=NAME:RATE_BP or ID=NAME:RATE_BP:inclusive");
        }
        Map<String, Object> tax = new LinkedHashMap<>();
        tax.put("id", id);
        tax.put("name", parts[0].strip());
        tax.put("rateBp", number(parts[1]));
        tax.put("inclusive", parts.length == 3);
        return tax;
    }

    private static Object number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return text.strip();
        }
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        return new Yaml(options);
    }

    /**
     * Writes beside the file, readable by its writer alone, hands it to the box's group (read
     * only) where there is one, then moves it into place: the file is never half written, and
     * never readable by others on the way.
     */
    private void write(String text) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".backroom-", ".yaml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            handToGroup(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    private void handToGroup(Path temporary) throws IOException {
        GroupPrincipal boxGroup;
        try {
            boxGroup = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
        } catch (UserPrincipalNotFoundException e) {
            return;
        }
        Files.getFileAttributeView(temporary, PosixFileAttributeView.class).setGroup(boxGroup);
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r-----"));
    }
}
