package backroom.edge.access;

/**
 * Who did something, as ledger entries record it: the staff member signed in (null when a
 * device acted alone) and the device they did it on.
 */
public record Actor(String staffId, String staffName, Role role, String deviceId, String deviceName) {
}
