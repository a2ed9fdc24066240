package backroom.edge.bumpbar;

import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bump bar's profile from {@code device-profiles/}: its serial speed and its key map, each key
 * (the character the bar sends) to {@code bump N} (the Nth order on the station's screen) or
 * {@code recall}.
 */
record BumpBarProfile(String id, int baud, Map<Integer, KeyAction> keys) {

    /** What one key does. */
    record KeyAction(boolean recall, int nth) {
    }

    Optional<KeyAction> actionOf(int key) {
        return Optional.ofNullable(keys.get(key));
    }

    static BumpBarProfile load(String id) {
        try (InputStream in = BumpBarProfile.class.getClassLoader().getResourceAsStream("device-profiles/" + id + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no device profile " + id + " in device-profiles/");
            }
            JsonNode profile = Json.MAPPER.readTree(in);
            if (!"bump-bar".equals(profile.path("kind").asText())) {
                throw new IllegalArgumentException("device profile " + id + " is no bump bar");
            }
            Map<Integer, KeyAction> keys = new HashMap<>();
            profile.path("keys").properties().forEach(key -> keys.put((int) key.getKey().charAt(0), action(id, key.getValue().asText())));
            return new BumpBarProfile(id, profile.path("connection").path("baud").asInt(9600), Map.copyOf(keys));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read device profile " + id, e);
        }
    }

    private static KeyAction action(String id, String action) {
        if (action.equals("recall")) {
            return new KeyAction(true, 0);
        }
        if (action.matches("bump [1-9]")) {
            return new KeyAction(false, action.charAt(5) - '0');
        }
        throw new IllegalArgumentException("device profile " + id + ": a key must 'recall' or 'bump 1'-'bump 9', not '" + action + "'");
    }
}
