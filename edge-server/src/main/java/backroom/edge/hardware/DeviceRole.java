package backroom.edge.hardware;

import java.util.Optional;

/**
 * One device of the store: the role it plays ({@code receipt}, {@code kitchen.grill},
 * {@code drawer}, {@code pole}, or a register's own {@code receipt.r2}), the model's profile, where
 * it is plugged in, and for a printer the role whose printer takes its jobs when it fails.
 */
public record DeviceRole(String name, Kind kind, String profileId, Connection connection, String backup) {

    /** What a device is, as its profile says. */
    public enum Kind { PRINTER, DRAWER, POLE_DISPLAY }

    public Optional<String> backupRole() {
        return Optional.ofNullable(backup);
    }
}
