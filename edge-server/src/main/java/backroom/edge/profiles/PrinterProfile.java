package backroom.edge.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;

/**
 * A receipt or kitchen printer's model from {@code device-profiles/}: how many characters a line
 * holds in each font, the code page text goes out in (and the {@code ESC t n} that selects it on
 * this model), how it cuts, and whether it kicks a drawer, answers {@code DLE EOT} and prints QR codes.
 */
public record PrinterProfile(String id, int dotsPerLine, int columnsFontA, int columnsFontB, Charset codePage, int codePageNumber,
                             Cut cut, int feedLinesBeforeCut, boolean drawerKick, boolean statusReadBack, boolean qrCode,
                             SerialSettings serial) {

    /** How a model cuts the paper: {@code GS V 0} (full), {@code GS V 1} (partial), or not at all (tear-off bar). */
    public enum Cut { FULL, PARTIAL, NONE }

    /** Reads the printer profile {@code id}; throws {@link UnknownProfileException} for one that is not there or not right. */
    public static PrinterProfile load(String id) {
        JsonNode profile = DeviceProfiles.load(id, "printer");
        CodePage codePage = CodePage.of(id, profile);
        return new PrinterProfile(id, profile.path("dotsPerLine").asInt(), profile.path("columns").path("fontA").asInt(),
                profile.path("columns").path("fontB").asInt(), codePage.charset(), codePage.number(),
                Cut.valueOf(profile.path("cut").path("mode").asText("none").toUpperCase(java.util.Locale.ROOT)),
                profile.path("cut").path("feedLines").asInt(), profile.path("drawerKick").asBoolean(),
                profile.path("statusReadBack").asBoolean(), profile.path("qrCode").asBoolean(),
                SerialSettings.of(profile.path("connection")));
    }
}
