package backroom.edge.printing;

import backroom.edge.hardware.DeviceRole;
import backroom.edge.hardware.PrinterStatus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What each device last said, or the error it last gave; a change is handed to the live feed as
 * {@code device.status}. Written by the device's worker (and by the bump bars' readers), read by the
 * HTTP service.
 */
public final class DeviceStatusBoard {

    /** A bump bar is listed by its station under this prefix: {@code bump-bar.grill}. */
    public static final String BUMP_BAR = "bump-bar.";

    private final Map<String, DeviceStatus> byRole = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Consumer<DeviceStatus> onChange;

    public DeviceStatusBoard(List<DeviceRole> roles, Clock clock, Consumer<DeviceStatus> onChange) {
        this.clock = clock;
        this.onChange = onChange;
        roles.forEach(role -> add(new DeviceStatus(role.name(), kind(role), role.profileId(), ConnectionText.of(role.connection()),
                role.backup(), null, null, null, null, 0, null, null)));
    }

    /** Every device in the order the store's configuration names them, then the bump bars, with its jobs waiting. */
    public List<DeviceStatus> all(Map<String, Long> waitingByDevice) {
        return order.stream().map(name -> byRole.get(name).withQueued(waitingByDevice.getOrDefault(name, 0L))).toList();
    }

    /** A bump bar on the box, listed as {@code bump-bar.STATION} once it is bound; unasked until first reached or lost. */
    public void addBumpBar(String station, String profile, String address) {
        add(new DeviceStatus(BUMP_BAR + station, "bump-bar", profile, address, null, null, null, null, null, 0, null, null));
    }

    public void bumpBarReached(String station) {
        reachable(BUMP_BAR + station, true, null);
    }

    public void bumpBarLost(String station, String why) {
        reachable(BUMP_BAR + station, false, why);
    }

    private void add(DeviceStatus unasked) {
        byRole.put(unasked.role(), unasked);
        order.add(unasked.role());
    }

    private void reachable(String name, boolean online, String error) {
        DeviceStatus before = byRole.get(name);
        put(new DeviceStatus(name, before.kind(), before.profile(), before.connection(), null, online, null, null, null, 0, error,
                clock.instant()));
    }

    void answered(DeviceRole role, PrinterStatus status) {
        boolean asked = status != PrinterStatus.ASSUMED_READY;
        put(new DeviceStatus(role.name(), kind(role), role.profileId(), ConnectionText.of(role.connection()), role.backup(),
                asked ? status.online() : Boolean.TRUE, asked ? paper(status) : null, asked ? status.coverOpen() : null,
                asked ? status.drawerOpen() : null, 0, status.ready() ? null : problem(status), clock.instant()));
    }

    /** A drawer on its own relay: there, and open or shut as its switch says (null without one). */
    void drawer(DeviceRole role, Boolean open) {
        put(new DeviceStatus(role.name(), kind(role), role.profileId(), ConnectionText.of(role.connection()), role.backup(), true,
                null, null, open, 0, null, clock.instant()));
    }

    void failed(DeviceRole role, String error) {
        DeviceStatus before = byRole.get(role.name());
        put(new DeviceStatus(role.name(), kind(role), role.profileId(), ConnectionText.of(role.connection()), role.backup(), false,
                before.paper(), before.coverOpen(), before.drawerOpen(), 0, error, clock.instant()));
    }

    private void put(DeviceStatus status) {
        DeviceStatus before = byRole.put(status.role(), status);
        if (!status.sameAs(before)) {
            onChange.accept(status);
        }
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
