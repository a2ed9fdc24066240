package backroom.edge.access;

import io.helidon.webserver.http.ServerRequest;

/**
 * Who sent a request, as the {@link AccessGate} established it: a paired device and, when a staff
 * member signed in on it, that staff member. Handlers read it with {@link #of(ServerRequest)}.
 */
public record Caller(PairedDevice device, SignedInStaff staff) {

    /** The caller of a request that passed the gate. */
    public static Caller of(ServerRequest req) {
        return req.context().get(Caller.class)
                .orElseThrow(() -> new IllegalStateException("no caller for " + req.path().path()
                        + ": its route is not declared through ApiRoutes"));
    }

    public boolean may(Permission permission) {
        return staff == null
                ? Permissions.grantsDeviceAlone(device.kind(), permission)
                : Permissions.grants(staff.role(), device.kind(), permission);
    }

    public Actor actor() {
        return staff == null
                ? new Actor(null, null, null, device.deviceId(), device.name())
                : new Actor(staff.staffId(), staff.name(), staff.role(), device.deviceId(), device.name());
    }

    /** A device as the gate knows it. */
    public record PairedDevice(String deviceId, String name, DeviceKind kind) {
    }

    /** A staff member's session on a device. */
    public record SignedInStaff(String sessionId, String staffId, String name, Role role) {
    }
}
