package backroom.edge.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;

/** A customer pole display's model: lines of so many characters, in a code page selected by {@code ESC t n}. */
public record PoleDisplayProfile(String id, int lines, int columns, Charset codePage, int codePageNumber, SerialSettings serial) {

    public static PoleDisplayProfile load(String id) {
        JsonNode profile = DeviceProfiles.load(id, "pole-display");
        CodePage codePage = CodePage.of(id, profile);
        return new PoleDisplayProfile(id, profile.path("lines").asInt(2), profile.path("columns").asInt(20), codePage.charset(),
                codePage.number(), SerialSettings.of(profile.path("connection")));
    }
}
