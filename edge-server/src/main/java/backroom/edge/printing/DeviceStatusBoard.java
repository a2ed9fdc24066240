package backroom.edge.printing;

import backroom.edge.hardware.DeviceRole;
import backroom.edge.hardware.PrinterStatus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What each device last said, or the error it last gave; a change is handed to the live feed as
 * {@code device.status}. Written by the device's worker, read by the HTTP service.
 */
public final class DeviceStatusBoard {

    private final Map<String, DeviceStatus> byRole = new ConcurrentHashMap<>();
    private final List<DeviceRole> roles;
    private final Clock clock;
    private final Consumer<DeviceStatus> onChange;

    public DeviceStatusBoard(List<DeviceRole> roles, Clock clock, Consumer<DeviceStatus> onChange) {
        this.roles = List.copyOf(roles);
        this.clock = clock;
        this.onChange = onChange;
        roles.forEach(role -> byRole.put(role.name(), unasked(role)));
    }

    /** Every device in the order the store's configuration names them, with its jobs waiting. */
    public List<DeviceStatus> all(Map<String, Long> waitingByDevice) {
        return roles.stream().map(role -> byRole.get(role.name()).withQueued(waitingByDevice.getOrDefault(role.name(), 0L))).toList();
    }

    void answered(DeviceRole role, PrinterStatus status) {
        boolean asked = status != PrinterStatus.ASSUMED_READY;
        put(role, new DeviceStatus(role.name(), kind(role), role.profileId(), ConnectionText.of(role.connection()), role.backup(),
                asked ? status.online() : Boolean.TRUE, asked ? paper(status) : null, asked ? status.coverOpen() : null,
                asked ? status.drawerOpen() : null, 0, status.ready() ? null : problem(status), clock.instant()));
    }

    /** A drawer on its own relay: there, and open or shut as its switch says (null without one). */
    void drawer(DeviceRole role, Boolean open) {
        put(role, new DeviceStatus(role.name(), kind(role), role.profileId(), ConnectionText.of(role.connection()), role.backup(), true,
                null, null, open, 0, null, clock.instant()));
    }

    void failed(DeviceRole role, String error) {
        DeviceStatus before = byRole.get(role.name());
        put(role, new DeviceStatus(role.name(), kind(role), role.profileId(), ConnectionText.of(role.connection()), role.backup(), false,
                before.paper(), before.coverOpen(), before.drawerOpen(), 0, error, clock.instant()));
    }

    private void put(DeviceRole role, DeviceStatus status) {
        DeviceStatus before = byRole.put(role.name(), status);
        if (!status.sameAs(before)) {
            onChange.accept(status);
        }
    }

    private static DeviceStatus unasked(DeviceRole role) {
        return new DeviceStatus(role.name(), kind(role), role.profileId(), ConnectionText.of(role.connection()), role.backup(), null, null,
                null, null, 0, null, null);
    }

    private static String kind(DeviceRole role) {
        return role.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String paper(PrinterStatus status) {
        return status.paperOut() ? "out" : status.paperNearEnd() ? "near_end" : "ok";
    }

    static String problem(PrinterStatus status) {
        return status.paperOut() ? "paper out" : status.coverOpen() ? "cover open" : status.error() ? "printer error" : "offline";
    }
}
