package backroom.edge.profiles;

import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Reads a device profile by its id, the name of its file in {@code device-profiles/} without {@code .json}. */
public final class DeviceProfiles {

    /** Lower-case letters, digits and dashes: an id can never name a path outside {@code device-profiles/}. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private DeviceProfiles() {
    }

    /** What kind of device profile {@code id} is ({@code printer}, {@code drawer}, {@code bump-bar}, {@code pole-display}). */
    public static String kindOf(String id) {
        return load(id, null).path("kind").asText();
    }

    /** The profile {@code id} of the given {@code kind} (any kind when null); an unknown id or another kind is refused. */
    static JsonNode load(String id, String kind) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new UnknownProfileException("'" + id + "' is no device profile id (lower-case letters, digits and dashes)");
        }
        try (InputStream in = DeviceProfiles.class.getClassLoader().getResourceAsStream("device-profiles/" + id + ".json")) {
            if (in == null) {
                throw new UnknownProfileException("no device profile " + id + " in device-profiles/");
            }
            JsonNode profile = Json.MAPPER.readTree(in);
            if (kind != null && !kind.equals(profile.path("kind").asText())) {
                throw new UnknownProfileException("device profile " + id + " is no " + kind);
            }
            return profile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read device profile " + id, e);
        }
    }
}
