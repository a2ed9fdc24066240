package backroom.edge.hardware;

import backroom.edge.profiles.DeviceProfiles;
import backroom.edge.profiles.DrawerProfile;
import backroom.edge.profiles.PrinterProfile;
import backroom.edge.profiles.UnknownProfileException;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The store's devices, from {@code BACKROOM_HARDWARE}: roles separated by {@code ;}, each
 * {@code role=profile@connection[?option=value&...]}:
 * <pre>
 * receipt=epson-tm-t20iii@usb:/dev/usb/lp0;
 * kitchen.grill=epson-tm-t88vi@tcp:192.168.1.50:9100?backup=kitchen.bar;
 * kitchen.bar=generic-80mm@serial:/dev/ttyUSB0?baud=38400;
 * drawer=drawer-via-printer@printer:receipt;
 * pole=pd3000-2x20@serial:/dev/ttyUSB1?baud=9600
 * </pre>
 * Options: {@code backup=ROLE} (a printer whose jobs move there when it fails), {@code baud=N}
 * (serial), {@code sensor=PIN} (a GPIO drawer's open switch), {@code connectMs} and {@code replyMs}
 * (TCP). Unset, the box simulates a receipt and a kitchen printer, a drawer and a pole display as
 * files under its data folder ({@link #SIMULATED}), so it runs with no hardware; {@code none}
 * gives it none. A kitchen station prints to {@code kitchen.STATION}, else to {@code kitchen}; a
 * register to {@code receipt.REGISTER} (and {@code drawer.}, {@code pole.}), else to the plain role.
 */
public record HardwareSetup(String text, Supplier<Context> gpio) {

    public static final HardwareSetup NONE = new HardwareSetup("none");
    public static final HardwareSetup SIMULATED = new HardwareSetup("");

    /** The roles {@code text} names, their GPIO pins reached through Pi4J's own context (made only if a role names a pin). */
    public HardwareSetup(String text) {
        this(text, Pi4J::newAutoContext);
    }

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}(\\.[a-z0-9][a-z0-9_-]{0,63})?");
    private static final String NAME = "BACKROOM_HARDWARE";

    /** The roles this setup names, checked against their profiles and each other; simulated ones live under {@code dataDir}/devices. */
    public List<DeviceRole> roles(Path dataDir) {
        String spec = text.isBlank() ? simulated(dataDir.resolve("devices")) : text.strip().equals("none") ? "" : text;
        Map<String, DeviceRole> roles = new LinkedHashMap<>();
        for (String one : spec.split("[;\\n]")) {
            if (!one.isBlank()) {
                DeviceRole role = parse(one.strip());
                if (roles.putIfAbsent(role.name(), role) != null) {
                    throw refused(one.strip(), "names role " + role.name() + " twice");
                }
            }
        }
        roles.values().forEach(role -> check(role, roles));
        return List.copyOf(roles.values());
    }

    private static String simulated(Path folder) {
        return "receipt=generic-80mm@file:" + folder.resolve("receipt.prn") + ";kitchen=generic-80mm@file:" + folder.resolve("kitchen.prn")
                + ";drawer=drawer-via-printer@printer:receipt;pole=pd3000-2x20@file:" + folder.resolve("pole.txt");
    }

    static DeviceRole parse(String text) {
        int equals = text.indexOf('=');
        int at = text.indexOf('@');
        if (equals <= 0 || at < equals) {
            throw refused(text, "must be role=profile@connection, as receipt=epson-tm-t20iii@usb:/dev/usb/lp0");
        }
        String name = text.substring(0, equals).strip();
        String profile = text.substring(equals + 1, at).strip();
        if (!ROLE.matcher(name).matches()) {
            throw refused(text, "role must be lower-case letters, digits and dashes, with one .qualifier (kitchen.grill)");
        }
        String target = text.substring(at + 1).strip();
        int question = target.indexOf('?');
        Map<String, String> options = options(text, question < 0 ? "" : target.substring(question + 1));
        String address = question < 0 ? target : target.substring(0, question);
        String kind;
        try {
            kind = DeviceProfiles.kindOf(profile);
        } catch (UnknownProfileException e) {
            throw refused(text, e.getMessage());
        }
        Connection connection = connection(text, address, options);
        String backup = options.remove("backup");
        if (!options.isEmpty()) {
            throw refused(text, "takes no option " + options.keySet());
        }
        return new DeviceRole(name, switch (kind) {
            case "printer" -> DeviceRole.Kind.PRINTER;
            case "drawer" -> DeviceRole.Kind.DRAWER;
            case "pole-display" -> DeviceRole.Kind.POLE_DISPLAY;
            default -> throw refused(text, "profile " + profile + " is a " + kind + ": bump bars are bound in BACKROOM_BUMP_BARS");
        }, profile, connection, backup);
    }

    private static Connection connection(String text, String address, Map<String, String> options) {
        int colon = address.indexOf(':');
        String scheme = colon < 0 ? "" : address.substring(0, colon);
        String rest = address.substring(colon + 1);
        if (rest.isEmpty()) {
            throw refused(text, "names no " + (scheme.isEmpty() ? "connection" : scheme + " address"));
        }
        return switch (scheme) {
            case "file" -> new Connection.File(Path.of(rest));
            case "usb" -> new Connection.Usb(Path.of(rest));
            case "serial" -> new Connection.Serial(rest,
                    options.containsKey("baud") ? number(text, "baud", options.remove("baud"), 300, 921_600) : null);
            case "tcp" -> tcp(text, rest, options);
            case "gpio" -> new Connection.Gpio(number(text, "the pin", rest, 0, 27),
                    options.containsKey("sensor") ? number(text, "sensor", options.remove("sensor"), 0, 27) : null);
            case "printer" -> new Connection.ViaPrinter(rest);
            default -> throw refused(text, "connection must be usb:, serial:, tcp:, gpio:, file: or printer:");
        };
    }

    private static Connection.Tcp tcp(String text, String address, Map<String, String> options) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw refused(text, "a tcp connection is tcp:HOST:PORT");
        }
        Duration connect = options.containsKey("connectMs")
                ? Duration.ofMillis(number(text, "connectMs", options.remove("connectMs"), 100, 60_000)) : CONNECT_TIMEOUT;
        Duration reply = options.containsKey("replyMs")
                ? Duration.ofMillis(number(text, "replyMs", options.remove("replyMs"), 100, 60_000)) : REPLY_TIMEOUT;
        int port = number(text, "the port", address.substring(colon + 1), 1, 65_535);
        return new Connection.Tcp(address.substring(0, colon), port, connect, reply);
    }

    /** What a role must agree with: its profile's connection, its backup, the printer a drawer hangs on. */
    private static void check(DeviceRole role, Map<String, DeviceRole> roles) {
        String text = role.name() + "=" + role.profileId();
        if (role.backup() != null) {
            DeviceRole backup = roles.get(role.backup());
            if (role.kind() != DeviceRole.Kind.PRINTER || backup == null || backup.kind() != DeviceRole.Kind.PRINTER || backup == role) {
                throw refused(text, "backup must name another printer's role, not '" + role.backup() + "'");
            }
        }
        boolean viaPrinter = role.connection() instanceof Connection.ViaPrinter;
        if (role.kind() == DeviceRole.Kind.DRAWER) {
            DrawerProfile drawer = DrawerProfile.load(role.profileId());
            if ((drawer.drive() == DrawerProfile.Drive.PRINTER) != viaPrinter
                    || drawer.drive() == DrawerProfile.Drive.GPIO && !(role.connection() instanceof Connection.Gpio)) {
                throw refused(text, "profile " + role.profileId() + " is driven " + (drawer.drive() == DrawerProfile.Drive.PRINTER
                        ? "through a printer: connect it as printer:ROLE" : "by a GPIO relay: connect it as gpio:PIN"));
            }
            if (role.connection() instanceof Connection.ViaPrinter(String printer)) {
                Optional<DeviceRole> host = Optional.ofNullable(roles.get(printer)).filter(r -> r.kind() == DeviceRole.Kind.PRINTER);
                if (host.isEmpty() || !PrinterProfile.load(host.get().profileId()).drawerKick()) {
                    throw refused(text, "printer:" + printer + " must name a printer's role whose model kicks a drawer");
                }
            }
        } else if (viaPrinter || role.connection() instanceof Connection.Gpio) {
            throw refused(text, "only a drawer connects through a printer or a GPIO pin");
        }
    }

    private static int number(String text, String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused(text, name + " must be a whole number from " + min + " to " + max);
    }

    private static Map<String, String> options(String text, String query) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (!pair.isEmpty() && equals <= 0) {
                throw refused(text, "each option is name=value");
            }
            if (!pair.isEmpty()) {
                options.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return options;
    }

    private static IllegalArgumentException refused(String text, String why) {
        return new IllegalArgumentException(NAME + ": '" + text + "' " + why);
    }

    /** The roles of {@code kind} in the order they were named. */
    public static List<DeviceRole> ofKind(List<DeviceRole> roles, DeviceRole.Kind kind) {
        return roles.stream().filter(role -> role.kind() == kind).toList();
    }
}
