package backroom.edge.profiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bump bar's profile from {@code device-profiles/}: its serial speed and its key map, each key to
 * {@code bump N} (the Nth order on the station's screen) or {@code recall}. A key is what the bar
 * sends: one character for a serial bar, the browser's key name for a bar that types into a
 * screen, the button's place in the binding's pin list ({@code 1}, {@code 2}...) for GPIO buttons.
 */
public record BumpBarProfile(String id, int baud, Map<String, KeyAction> keys) {

    /** What one key does: {@code {"action":"bump","nth":2}} or {@code {"action":"recall"}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyAction(String action, Integer nth) {

        static final KeyAction RECALL = new KeyAction("recall", null);

        public boolean recall() {
            return nth == null;
        }
    }

    public Optional<KeyAction> actionOf(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    /** Reads the bump bar profile {@code id}; throws {@link UnknownProfileException} for one that is not there or not right. */
    public static BumpBarProfile load(String id) {
        JsonNode profile = DeviceProfiles.load(id, "bump-bar");
        Map<String, KeyAction> keys = new LinkedHashMap<>();
        profile.path("keys").properties().forEach(key -> keys.put(key.getKey(), action(id, key.getValue().asText())));
        if (keys.isEmpty()) {
            throw new UnknownProfileException("device profile " + id + " maps no keys");
        }
        return new BumpBarProfile(id, profile.path("connection").path("baud").asInt(9600), Collections.unmodifiableMap(keys));
    }

    private static KeyAction action(String id, String action) {
        if (action.equals("recall")) {
            return KeyAction.RECALL;
        }
        if (action.matches("bump [1-9]")) {
            return new KeyAction("bump", action.charAt(5) - '0');
        }
        throw new UnknownProfileException("device profile " + id + ": a key must 'recall' or 'bump 1'-'bump 9', not '" + action + "'");
    }
}
