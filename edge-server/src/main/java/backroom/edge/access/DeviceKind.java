package backroom.edge.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a paired device is: a till tablet, a kitchen screen, a self-order kiosk. */
public enum DeviceKind {
    TERMINAL, KDS, KIOSK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<DeviceKind> fromWire(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }
}
