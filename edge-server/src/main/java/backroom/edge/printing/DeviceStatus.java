package backroom.edge.printing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One device as {@code GET /api/v1/devices/hardware} and the live feed's {@code device.status}
 * show it. {@code online} and the paper, cover and drawer fields are null until the device has
 * been asked (and stay null for one that cannot answer: a file, a USB line printer); {@code paper}
 * is {@code ok}, {@code near_end} or {@code out}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeviceStatus(String role, String kind, String profile, String connection, String backup, Boolean online, String paper,
                           Boolean coverOpen, Boolean drawerOpen, long queued, String lastError, Instant checkedAt) {

    DeviceStatus withQueued(long count) {
        return new DeviceStatus(role, kind, profile, connection, backup, online, paper, coverOpen, drawerOpen, count, lastError, checkedAt);
    }

    /** Whether a screen would show something else: what the device said, or its error; not when it was asked. */
    boolean sameAs(DeviceStatus other) {
        return other != null && java.util.Objects.equals(online, other.online) && java.util.Objects.equals(paper, other.paper)
                && java.util.Objects.equals(coverOpen, other.coverOpen) && java.util.Objects.equals(drawerOpen, other.drawerOpen)
                && java.util.Objects.equals(lastError, other.lastError);
    }
}
