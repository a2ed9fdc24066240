package backroom.edge.relay;

import backroom.relay.uplink.UplinkStatus;
import java.time.Instant;

/**
 * {@code GET /api/v1/relay}: {@code {"configured":true,"connected":true,"ackedSeq":1200,"headSeq":1234,
 * "backlog":34,"lastAckAt":"2026-12-02T09:15:02.117Z","lastError":null,"halted":null}}. {@code halted}
 * says why the box stopped sending, e.g. {@code "forked at seq 501: ..."}.
 */
public record RelayView(boolean configured, boolean connected, long ackedSeq, long headSeq, long backlog, Instant lastAckAt,
                        String lastError, String halted) {

    static RelayView of(boolean configured, UplinkStatus status) {
        return new RelayView(configured, status.connected(), status.ackedSeq(), status.headSeq(), status.backlog(), status.lastAckAt(),
                status.lastError(), status.halted());
    }
}
