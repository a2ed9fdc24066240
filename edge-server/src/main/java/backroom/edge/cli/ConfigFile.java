package backroom.edge.cli;

import backroom.edge.BoxConfig;
import backroom.edge.catalog.ProvisionedStore;
import backroom.edge.web.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The box's configuration file, {@code /etc/backroom/backroom.yaml} (written by {@code backroom
 * provision}, read by {@code backroom run --config}). Each key stands for one of the box's
 * environment variables, which still override it; {@code settings} and {@code taxes} are the
 * store's, in the shape of HQ's documents:
 *
 * <pre>
 * store: {franchise: acme, id: s042, secret: ...}        # BACKROOM_FRANCHISE, _STORE, _STORE_SECRET
 * relay: {url: ssl://hq:8883, username: s042, password: ..., ca: /etc/backroom/hq-ca.pem}
 * http: {host: 0.0.0.0, port: 8080, maxConnections: 500, idleTimeoutSeconds: 60}
 * data: /var/lib/backroom
 * hardware: {receipt: epson-tm-t20iii@usb:/dev/usb/lp0, drawer: drawer-via-printer@printer:receipt}   # or: none
 * bumpBars: {grill: serial:/dev/ttyUSB0?baud=9600}
 * backup: {dir: /var/lib/backroom/backups, at: "03:00", keep: 7}    # BACKROOM_BACKUP_DIR, _AT, _KEEP
 * settings: {storeName: Kopi Kita, serviceChargeBp: 500, roundingIncrement: 100, roundingMode: HALF_UP}
 * taxes: [{id: ppn, name: PPN 11%, rateBp: 1100, inclusive: false}]
 * </pre>
 *
 * Every mistake is refused with its line and key: unknown keys, wrong shapes, and every value the
 * box itself would refuse at start.
 */
final class ConfigFile {

    /** File keys and the variables they stand for. */
    static final Map<String, String> VARIABLES = variables();
    private static final List<String> SECTIONS = List.of("store", "relay", "http", "data", "hardware", "bumpBars", "backup", "ledger",
            "settings", "taxes");

    /** Where each key was found (1-based lines), for errors: {@code http.port}, {@code hardware.receipt}, {@code taxes[0].rateBp}. */
    private final Map<String, Integer> lines = new TreeMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private Object settings;
    private Object taxes;

    private ConfigFile() {
    }

    /** The file's settings as the box's variables, and the store's settings and taxes if it gives them. */
    record Contents(Map<String, String> variables, Optional<ProvisionedStore> store) {

        /** The box's settings: these, with every BACKROOM_ variable of {@code environment} over them. */
        BoxConfig boxConfig(Map<String, String> environment) {
            Map<String, String> merged = new LinkedHashMap<>(variables);
            environment.forEach((name, value) -> {
                if (name.startsWith("BACKROOM_")) {
                    merged.put(name, value);
                }
            });
            BoxConfig config = BoxConfig.fromEnvironment(merged);
            return store.map(config::withProvisionedStore).orElse(config);
        }
    }

    /** Thrown with every problem of the file, each naming its line and key. */
    static final class ConfigFileException extends RuntimeException {
        ConfigFileException(Path file, List<String> problems) {
            super(file + (problems.size() == 1 ? " has a problem:" : " has " + problems.size() + " problems:") + "\n  "
                    + String.join("\n  ", problems));
        }
    }

    static Contents read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigFileException(file, List.of("cannot be read: " + e.getMessage()));
        }
        return parse(file, text);
    }

    static Contents parse(Path file, String text) {
        ConfigFile config = new ConfigFile();
        config.walk(text);
        config.checkAsTheBoxWould();
        if (!config.problems.isEmpty()) {
            throw new ConfigFileException(file, config.problems);
        }
        return new Contents(Map.copyOf(config.values), config.store());
    }

    private void walk(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Node root;
        Object loaded;
        try {
            root = yaml.compose(new StringReader(text));
            loaded = yaml.load(text);
        } catch (MarkedYAMLException e) {
            problems.add("line " + (e.getProblemMark().getLine() + 1) + ": not YAML: " + e.getProblem());
            return;
        } catch (YAMLException e) {
            problems.add("not YAML: " + e.getMessage());
            return;
        }
        if (root == null) {
            return;
        }
        if (!(root instanceof MappingNode top) || !(loaded instanceof Map<?, ?> topValues)) {
            problems.add(at(root) + "the file must be a map of sections: " + String.join(", ", SECTIONS));
            return;
        }
        for (NodeTuple section : top.getValue()) {
            String name = keyText(section.getKeyNode());
            Node node = section.getValueNode();
            lines.put(name, line(section.getKeyNode()));
            Object value = topValues.get(name);
            switch (name) {
                case "data" -> scalar("data", node);
                case "store", "relay", "http", "backup", "ledger" -> scalars(name, node);
                case "hardware" -> joined("hardware", node, true);
                case "bumpBars" -> joined("bumpBars", node, false);
                case "settings" -> settings = shaped("settings", node, value, MappingNode.class, "a map of the store's settings");
                case "taxes" -> taxes = taxes(node, value);
                default -> problems.add(at(section.getKeyNode()) + "unknown key " + name + " (known: " + String.join(", ", SECTIONS) + ")");
            }
        }
    }

    /** A section of plain keys, each one of the box's variables. */
    private void scalars(String section, Node node) {
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + section + " must be a map of " + String.join(", ", keysUnder(section)));
            return;
        }
        for (NodeTuple entry : map.getValue()) {
            String key = section + "." + keyText(entry.getKeyNode());
            lines.put(key, line(entry.getKeyNode()));
            if (!VARIABLES.containsKey(key)) {
                problems.add(at(entry.getKeyNode()) + "unknown key " + key + " (known under " + section + ": "
                        + String.join(", ", keysUnder(section)) + ")");
                continue;
            }
            scalar(key, entry.getValueNode());
        }
    }

    private void scalar(String key, Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(at(node) + key + " must be a single value");
            return;
        }
        values.put(VARIABLES.get(key), scalar.getValue());
    }

    /**
     * {@code hardware} and {@code bumpBars}: a map of role (or station) to its setting, joined into the
     * one variable the box reads ({@code receipt=...;kitchen=...}); hardware may also be {@code none}.
     */
    private void joined(String section, Node node, boolean noneAllowed) {
        String variable = VARIABLES.get(section);
        if (noneAllowed && node instanceof ScalarNode scalar && scalar.getValue().strip().equals("none")) {
            values.put(variable, "none");
            return;
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + section + " must be a map of " + (noneAllowed ? "role: profile@connection, or none"
                    : "station: connection"));
            return;
        }
        List<String> parts = new ArrayList<>();
        for (NodeTuple entry : map.getValue()) {
            String name = keyText(entry.getKeyNode());
            lines.put(section + "." + name, line(entry.getKeyNode()));
            if (!(entry.getValueNode() instanceof ScalarNode value)) {
                problems.add(at(entry.getValueNode()) + section + "." + name + " must be a single value");
                continue;
            }
            parts.add(name + "=" + value.getValue().strip());
        }
        values.put(variable, String.join(";", parts));
    }

    private Object shaped(String key, Node node, Object value, Class<? extends Node> shape, String what) {
        if (!shape.isInstance(node)) {
            problems.add(at(node) + key + " must be " + what);
            return null;
        }
        recordLines(key, node);
        return value;
    }

    /** Each tax a map; one that does not say {@code inclusive} is exclusive. */
    private Object taxes(Node node, Object value) {
        if (shaped("taxes", node, value, SequenceNode.class, "a list of taxes, each {id, name, rateBp, inclusive}") == null) {
            return null;
        }
        List<Object> taxes = new ArrayList<>();
        List<Node> items = ((SequenceNode) node).getValue();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof MappingNode) || !(((List<?>) value).get(i) instanceof Map<?, ?> tax)) {
                problems.add(at(items.get(i)) + "taxes[" + i + "] must be a map of id, name, rateBp and inclusive");
                continue;
            }
            Map<Object, Object> exclusiveUnlessSaid = new LinkedHashMap<>(tax);
            exclusiveUnlessSaid.putIfAbsent("inclusive", false);
            taxes.add(exclusiveUnlessSaid);
        }
        return taxes;
    }

    /** The line of every key and item under {@code path}, so the catalog's field names find their line. */
    private void recordLines(String path, Node node) {
        lines.putIfAbsent(path, line(node));
        if (node instanceof MappingNode map) {
            for (NodeTuple entry : map.getValue()) {
                String key = path + "." + keyText(entry.getKeyNode());
                lines.put(key, line(entry.getKeyNode()));
                recordLines(key, entry.getValueNode());
            }
        } else if (node instanceof SequenceNode list) {
            for (int i = 0; i < list.getValue().size(); i++) {
                recordLines(path + "[" + i + "]", list.getValue().get(i));
            }
        }
    }

    /** Every value the box would refuse at start, found now, with the key and line it came from. */
    private void checkAsTheBoxWould() {
        if (!problems.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (!RELAY_VARIABLES.contains(value.getKey())) {
                check(() -> BoxConfig.fromEnvironment(Map.of(value.getKey(), value.getValue())).hardware().roles(Path.of("data")),
                        keyOf(value.getKey()));
            }
        }
        Map<String, String> relay = new LinkedHashMap<>();
        RELAY_VARIABLES.forEach(name -> Optional.ofNullable(values.get(name)).ifPresent(found -> relay.put(name, found)));
        check(() -> BoxConfig.fromEnvironment(relay), values.containsKey("BACKROOM_MQTT_URL") ? "relay.url" : "relay");
        store().ifPresent(store -> store.problems().forEach(error -> {
            String key = error.field().equals("catalog") ? "taxes"
                    : error.field().startsWith("catalog.") ? error.field().substring("catalog.".length()) : error.field();
            problems.add(at(key) + key + " " + error.message());
        }));
    }

    private static final List<String> RELAY_VARIABLES = List.of("BACKROOM_MQTT_URL", "BACKROOM_MQTT_USERNAME", "BACKROOM_MQTT_PASSWORD",
            "BACKROOM_MQTT_CA", "BACKROOM_FRANCHISE", "BACKROOM_STORE", "BACKROOM_STORE_SECRET");

    /**
     * Runs a check of the box's own; its refusal is reported at the key it names (a role's
     * {@code 'receipt=...'}, a variable) or else at {@code fallback}, with variables called by their keys.
     */
    private void check(Runnable boxCheck, String fallback) {
        try {
            boxCheck.run();
        } catch (IllegalArgumentException e) {
            String message = inFileTerms(e.getMessage());
            problems.add(at(keyNamedIn(e.getMessage(), fallback)) + message);
        }
    }

    private String keyNamedIn(String message, String fallback) {
        for (String section : List.of("hardware", "bumpBars")) {
            String variable = VARIABLES.get(section);
            if (message.startsWith(variable + ": '")) {
                int start = variable.length() + 3;
                int equals = message.indexOf('=', start);
                if (equals > start) {
                    return section + "." + message.substring(start, equals);
                }
                return section;
            }
        }
        for (Map.Entry<String, String> key : longestVariableFirst()) {
            if (message.startsWith(key.getValue())) {
                return key.getKey();
            }
        }
        if (message.contains("CA file")) {
            return "relay.ca";
        }
        if (message.contains("password")) {
            return "relay.password";
        }
        return fallback;
    }

    /** The message with each variable it names called by its key in the file. */
    static String inFileTerms(String message) {
        String said = message;
        for (Map.Entry<String, String> key : longestVariableFirst()) {
            said = said.replace(key.getValue(), key.getKey());
        }
        return said;
    }

    private Optional<ProvisionedStore> store() {
        if (settings == null && taxes == null) {
            return Optional.empty();
        }
        return Optional.of(new ProvisionedStore(settings == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.valueToTree(settings),
                taxes == null ? Json.MAPPER.createArrayNode() : Json.MAPPER.valueToTree(taxes)));
    }

    private String at(String key) {
        String found = key;
        while (!lines.containsKey(found) && found.contains(".")) {
            found = found.substring(0, found.lastIndexOf('.'));
        }
        Integer line = lines.get(found);
        return line == null ? "" : "line " + line + ": ";
    }

    private static String at(Node node) {
        return "line " + line(node) + ": ";
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static String keyText(Node key) {
        return key instanceof ScalarNode scalar ? scalar.getValue() : "?";
    }

    private static String keyOf(String variable) {
        return VARIABLES.entrySet().stream().filter(key -> key.getValue().equals(variable)).map(Map.Entry::getKey).findFirst()
                .orElse(variable);
    }

    private static List<String> keysUnder(String section) {
        return VARIABLES.keySet().stream().filter(key -> key.startsWith(section + "."))
                .map(key -> key.substring(section.length() + 1)).toList();
    }

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("store.franchise", "BACKROOM_FRANCHISE");
        variables.put("store.id", "BACKROOM_STORE");
        variables.put("store.secret", "BACKROOM_STORE_SECRET");
        variables.put("relay.url", "BACKROOM_MQTT_URL");
        variables.put("relay.username", "BACKROOM_MQTT_USERNAME");
        variables.put("relay.password", "BACKROOM_MQTT_PASSWORD");
        variables.put("relay.ca", "BACKROOM_MQTT_CA");
        variables.put("http.host", "BACKROOM_HTTP_HOST");
        variables.put("http.port", "BACKROOM_HTTP_PORT");
        variables.put("http.maxConnections", "BACKROOM_MAX_CONNECTIONS");
        variables.put("http.idleTimeoutSeconds", "BACKROOM_IDLE_TIMEOUT_SECONDS");
        variables.put("data", "BACKROOM_DATA_DIR");
        variables.put("backup.dir", "BACKROOM_BACKUP_DIR");
        variables.put("backup.at", "BACKROOM_BACKUP_AT");
        variables.put("backup.keep", "BACKROOM_BACKUP_KEEP");
        variables.put("ledger.compactAfterQuietSeconds", "BACKROOM_COMPACT_AFTER_QUIET_SECONDS");
        variables.put("hardware", "BACKROOM_HARDWARE");
        variables.put("bumpBars", "BACKROOM_BUMP_BARS");
        return Collections.unmodifiableMap(variables);
    }

    /** The keys, longest variable first: BACKROOM_STORE_SECRET is found before BACKROOM_STORE, which it begins with. */
    private static List<Map.Entry<String, String>> longestVariableFirst() {
        return VARIABLES.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> key) -> key.getValue().length()).reversed()).toList();
    }
}
