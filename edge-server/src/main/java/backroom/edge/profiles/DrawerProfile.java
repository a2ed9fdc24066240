package backroom.edge.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A cash drawer's model: kicked through a printer's DK port ({@code ESC p} on each pin, on and off
 * times in ms) or by a relay on a GPIO pin held for {@code pulseMs}; its open sensor read through
 * the printer, a GPIO pin, or not at all.
 */
public record DrawerProfile(String id, Drive drive, List<Integer> pins, int onMs, int offMs, int pulseMs, boolean activeHigh,
                            Sensor openSensor) {

    public enum Drive { PRINTER, GPIO }

    public enum Sensor { PRINTER, GPIO, NONE }

    public static DrawerProfile load(String id) {
        JsonNode profile = DeviceProfiles.load(id, "drawer");
        List<Integer> pins = new ArrayList<>();
        profile.path("pins").forEach(pin -> pins.add(pin.asInt()));
        Drive drive = Drive.valueOf(profile.path("drive").asText().toUpperCase(java.util.Locale.ROOT));
        if (drive == Drive.PRINTER && pins.isEmpty()) {
            throw new UnknownProfileException("device profile " + id + ": a drawer kicked through a printer names its pins (2, 5)");
        }
        return new DrawerProfile(id, drive, List.copyOf(pins), profile.path("onMs").asInt(100), profile.path("offMs").asInt(500),
                profile.path("pulseMs").asInt(100), profile.path("activeHigh").asBoolean(true),
                Sensor.valueOf(profile.path("openSensor").asText("none").toUpperCase(java.util.Locale.ROOT)));
    }
}
