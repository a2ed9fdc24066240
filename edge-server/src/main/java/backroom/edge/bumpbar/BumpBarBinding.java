package backroom.edge.bumpbar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bump bar bound to a kitchen station, from {@code BACKROOM_BUMP_BARS} (bindings separated by
 * {@code ;}):
 * <ul>
 *   <li>{@code bar=serial:/dev/ttyUSB0?baud=9600&profile=logic-controls-kb1700}: a serial bar; the
 *       profile defaults to the Logic Controls KB1700's and the speed to the profile's;</li>
 *   <li>{@code grill=gpio:17,27?debounce=50&active=low&profile=gpio-bump-buttons}: buttons on the
 *       box's GPIO pins (BCM numbers), the first pin being key {@code 1} of the profile, the second
 *       key {@code 2}; {@code active=low} (the default) is a button to ground with the pin pulled
 *       up, {@code active=high} one to 3.3 V with the pin pulled down.</li>
 * </ul>
 */
public record BumpBarBinding(String station, Connection connection, String profileId) {

    static final String SERIAL_PROFILE = "logic-controls-kb1700";
    static final String GPIO_PROFILE = "gpio-bump-buttons";
    static final int DEFAULT_DEBOUNCE_MILLIS = 50;
    static final int MAX_PIN = 27;

    /** Where the bar is plugged in. */
    public sealed interface Connection permits Serial, Gpio {
    }

    /** A serial port; {@code baud} null for the profile's speed. */
    public record Serial(String port, Integer baud) implements Connection {
    }

    /** Buttons on GPIO pins, in the order of the profile's keys 1, 2...; a press counts once per {@code debounceMillis}. */
    public record Gpio(List<Integer> pins, int debounceMillis, boolean activeHigh) implements Connection {
        public Gpio {
            pins = List.copyOf(pins);
        }
    }

    /** Where the bar is, as its binding names it: {@code serial:/dev/ttyUSB0?baud=9600}, {@code gpio:17,27}. */
    public String address() {
        return switch (connection) {
            case Serial serial -> "serial:" + serial.port() + (serial.baud() == null ? "" : "?baud=" + serial.baud());
            case Gpio gpio -> "gpio:" + String.join(",", gpio.pins().stream().map(String::valueOf).toList());
        };
    }

    /** Bindings separated by {@code ;}; an empty text is none. A bad one is refused naming {@code BACKROOM_BUMP_BARS}. */
    public static List<BumpBarBinding> parseAll(String text) {
        List<BumpBarBinding> bindings = new ArrayList<>();
        Set<Integer> pinsTaken = new HashSet<>();
        for (String one : text.split(";")) {
            if (!one.isBlank()) {
                BumpBarBinding binding = parse(one.strip());
                if (binding.connection() instanceof Gpio gpio && !gpio.pins().stream().allMatch(pinsTaken::add)) {
                    throw refused(one.strip(), "uses a GPIO pin that another button already has");
                }
                bindings.add(binding);
            }
        }
        return List.copyOf(bindings);
    }

    static BumpBarBinding parse(String text) {
        int equals = text.indexOf('=');
        String station = equals < 0 ? "" : text.substring(0, equals).strip();
        String connection = equals < 0 ? "" : text.substring(equals + 1).strip();
        int colon = connection.indexOf(':');
        String kind = colon < 0 ? "" : connection.substring(0, colon);
        String rest = connection.substring(colon + 1);
        int question = rest.indexOf('?');
        String address = question < 0 ? rest : rest.substring(0, question);
        if (station.isEmpty() || station.length() > 64 || !(kind.equals("serial") || kind.equals("gpio")) || address.isEmpty()) {
            throw refused(text, "must be station=serial:/dev/PORT[?baud=9600&profile=ID] or station=gpio:PIN[,PIN...][?debounce=50&active=low&profile=ID]");
        }
        Map<String, String> options = options(text, question < 0 ? "" : rest.substring(question + 1));
        Connection bar = kind.equals("serial") ? serial(text, address, options) : gpio(text, address, options);
        String profile = options.getOrDefault("profile", kind.equals("serial") ? SERIAL_PROFILE : GPIO_PROFILE);
        options.remove("profile");
        if (!options.isEmpty()) {
            throw refused(text, "takes no option " + options.keySet());
        }
        return new BumpBarBinding(station, bar, profile);
    }

    private static Serial serial(String text, String port, Map<String, String> options) {
        Integer baud = options.containsKey("baud") ? number(text, "baud", options.remove("baud"), 300, 921_600) : null;
        return new Serial(port, baud);
    }

    private static Gpio gpio(String text, String address, Map<String, String> options) {
        List<Integer> pins = new ArrayList<>();
        for (String pin : address.split(",", -1)) {
            int number = number(text, "each pin", pin.strip(), 0, MAX_PIN);
            if (pins.contains(number)) {
                throw refused(text, "names pin " + number + " twice");
            }
            pins.add(number);
        }
        int debounce = options.containsKey("debounce") ? number(text, "debounce", options.remove("debounce"), 1, 1_000) : DEFAULT_DEBOUNCE_MILLIS;
        String active = options.containsKey("active") ? options.remove("active") : "low";
        if (!active.equals("low") && !active.equals("high")) {
            throw refused(text, "active must be low or high");
        }
        return new Gpio(pins, debounce, active.equals("high"));
    }

    private static int number(String text, String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
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
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw refused(text, "each option is name=value");
            }
            options.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return options;
    }

    private static IllegalArgumentException refused(String text, String why) {
        return new IllegalArgumentException("BACKROOM_BUMP_BARS: '" + text + "' " + why);
    }
}
