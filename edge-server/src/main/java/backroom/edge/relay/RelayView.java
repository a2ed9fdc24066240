package backroom.edge.relay;

import backroom.relay.uplink.UplinkStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code GET /api/v1/relay}: {@code {"configured":true,"connected":true,"ackedSeq":1200,"headSeq":1234,
 * "backlog":34,"lastAckAt":"2026-12-02T09:15:02.117Z","lastError":null,"halted":null,"configVersion":7,
 * "configRefused":null}}. {@code halted} says why the box stopped sending, e.g. {@code "forked at seq 501: ..."};
 * {@code configVersion} is the version of HQ's config applied last (0: none), {@code configRefused}
 * why the newest one HQ sent was not applied.
 */
public record RelayView(boolean configured, boolean connected, long ackedSeq, long headSeq, long backlog, Instant lastAckAt,
                        String lastError, String halted, long configVersion, String configRefused) {

    /**
     * Whether the relay itself is where it was: everything but the head and backlog, which move
     * with every sale. The live feed is told of the relay's changes, not of each sale again.
     */
    boolean sameRelayStateAs(RelayView other) {
        return other != null && configured == other.configured && connected == other.connected && ackedSeq == other.ackedSeq
                && Objects.equals(lastAckAt, other.lastAckAt) && Objects.equals(lastError, other.lastError)
                && Objects.equals(halted, other.halted) && configVersion == other.configVersion
                && Objects.equals(configRefused, other.configRefused);
    }

    static RelayView of(boolean configured, UplinkStatus status, long configVersion, String configRefused) {
        return new RelayView(configured, status.connected(), status.ackedSeq(), status.headSeq(), status.backlog(), status.lastAckAt(),
                status.lastError(), status.halted(), configVersion, configRefused);
    }
}
