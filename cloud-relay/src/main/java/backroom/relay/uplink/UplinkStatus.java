package backroom.relay.uplink;

import java.time.Instant;

/**
 * What the uplink is doing now. {@code halted} is null unless the box stopped sending (its ledger
 * forked from HQ's copy, or is behind it); {@code lastError} the newest reason a connection failed
 * or dropped; {@code lastAckAt} null until HQ's first ack since start.
 */
public record UplinkStatus(boolean connected, long ackedSeq, long headSeq, Instant lastAckAt, String lastError, String halted) {

    public long backlog() {
        return Math.max(0, headSeq - ackedSeq);
    }
}
