package backroom.edge.relay;

import backroom.relay.uplink.UplinkStatus;
import java.time.Instant;

/**
 * {@code GET /api/v1/relay}: {@code {"configured":true,"connected":true,"ackedSeq":1200,"headSeq":1234,
 * "backlog":34,"lastAckAt":"2026-12-02T09:15:02.117Z","lastError":null,"halted":null,"configVersion":7,
 * "configRefused":null}}. {@code halted} says why the box stopped sending, e.g. {@code "forked at seq 501: ..."};
 * {@code configVersion} is the version of HQ's config applied last (0: none), {@code configRefused}
 * why the newest one HQ sent was not applied.
 */
public record RelayView(boolean configured, boolean connected, long ackedSeq, long headSeq, long backlog, Instant lastAckAt,
                        String lastError, String halted, long configVersion, String configRefused) {

    static RelayView of(boolean configured, UplinkStatus status, long configVersion, String configRefused) {
        return new RelayView(configured, status.connected(), status.ackedSeq(), status.headSeq(), status.backlog(), status.lastAckAt(),
                status.lastError(), status.halted(), configVersion, configRefused);
    }
}
