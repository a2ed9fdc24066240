package backroom.edge.bumpbar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bump bar bound to a kitchen station: {@code bar=serial:/dev/ttyUSB0?baud=9600&profile=logic-controls-kb1700}.
 * The profile defaults to the Logic Controls KB1700's and the speed to the profile's.
 */
public record BumpBarBinding(String station, String port, Integer baud, String profileId) {

    static final String DEFAULT_PROFILE = "logic-controls-kb1700";

    /** Bindings separated by {@code ;}; an empty text is none. A bad one is refused naming {@code BACKROOM_BUMP_BARS}. */
    public static List<BumpBarBinding> parseAll(String text) {
        List<BumpBarBinding> bindings = new ArrayList<>();
        for (String one : text.split(";")) {
            if (!one.isBlank()) {
                bindings.add(parse(one.strip()));
            }
        }
        return List.copyOf(bindings);
    }

    static BumpBarBinding parse(String text) {
        int equals = text.indexOf('=');
        String station = equals < 0 ? "" : text.substring(0, equals).strip();
        String connection = equals < 0 ? "" : text.substring(equals + 1).strip();
        if (station.isEmpty() || station.length() > 64 || !connection.startsWith("serial:") || connection.length() == "serial:".length()) {
            throw refused(text, "must be station=serial:/dev/PORT[?baud=9600&profile=ID]");
        }
        String rest = connection.substring("serial:".length());
        int question = rest.indexOf('?');
        String port = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> options = options(text, question < 0 ? "" : rest.substring(question + 1));
        Integer baud = null;
        if (options.containsKey("baud")) {
            try {
                baud = Integer.parseInt(options.remove("baud"));
            } catch (NumberFormatException e) {
                throw refused(text, "baud must be a whole number");
            }
            if (baud < 300 || baud > 921_600) {
                throw refused(text, "baud must be from 300 to 921600");
            }
        }
        String profile = options.getOrDefault("profile", DEFAULT_PROFILE);
        options.remove("profile");
        if (!options.isEmpty()) {
            throw refused(text, "takes only baud and profile, not " + options.keySet());
        }
        return new BumpBarBinding(station, port, baud, profile);
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
