package backroom.edge.printing;

import backroom.edge.hardware.DeviceRole;
import backroom.edge.hardware.PrinterStatus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * What each device last said, or the error it last gave; a change is handed to the live feed as
 * {@code device.status}. Written by the device's worker (and by the bump bars' readers), read by the
 * HTTP service.
 */
public final class DeviceStatusBoard {

    /** A bump bar is listed by its station under this prefix: {@code bump-bar.grill}. */
    private static final String BUMP_BAR = "bump-bar.";

    private final Map<String, DeviceStatus> byName = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
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
        return order.stream().map(name -> byName.get(name).withQueued(waitingByDevice.getOrDefault(name, 0L))).toList();
    }

    /** Every device as {@link #all} lists it, with the jobs its queue holds now. */
    public List<DeviceStatus> withWaitingJobs(Jdbi jdbi) {
        return all(PrintJobs.waitingByDevice(jdbi));
    }

    /** How many times the device could not be reached or refused a job since the box started. */
    public long failures(String device) {
        LongAdder count = failures.get(device);
        return count == null ? 0 : count.sum();
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
        byName.put(unasked.role(), unasked);
        order.add(unasked.role());
    }

    private void reachable(String name, boolean online, String error) {
        put(now(name, online, null, null, null, error));
    }

    void answered(DeviceRole role, PrinterStatus status) {
        if (status == PrinterStatus.ASSUMED_READY) {
            put(now(role.name(), true, null, null, null, null));
        } else {
            put(now(role.name(), status.online(), paper(status), status.coverOpen(), status.drawerOpen(),
                    status.ready() ? null : problem(status)));
        }
    }

    /** A drawer on its own relay: there, and open or shut as its switch says (null without one). */
    void drawer(DeviceRole role, Boolean open) {
        put(now(role.name(), true, null, null, open, null));
    }

    /** The device could not be reached: what it last said of its paper, cover and drawer stays. */
    void failed(DeviceRole role, String error) {
        DeviceStatus before = byName.get(role.name());
        failures.computeIfAbsent(role.name(), name -> new LongAdder()).increment();
        put(now(role.name(), false, before.paper(), before.coverOpen(), before.drawerOpen(), error));
    }

    /** What a device says now, under the role, profile and connection it is listed with. */
    private DeviceStatus now(String name, Boolean online, String paper, Boolean coverOpen, Boolean drawerOpen, String error) {
        DeviceStatus listed = byName.get(name);
        return new DeviceStatus(name, listed.kind(), listed.profile(), listed.connection(), listed.backup(), online, paper, coverOpen,
                drawerOpen, 0, error, clock.instant());
    }

    private void put(DeviceStatus status) {
        DeviceStatus before = byName.put(status.role(), status);
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
