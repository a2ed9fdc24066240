package backroom.relay.uplink;

import java.util.Optional;

/** What the uplink must remember across a crash, kept by the box beside its ledger. Each change is on disk when the call returns. */
public interface UplinkProgress {

    /** The highest seq HQ has acked: entries after it are sent (again) after a restart. */
    long ackedSeq();

    void acked(long seq);

    /** Why the box stopped sending until a technician acts (its ledger forked from HQ's copy), if it did. */
    Optional<String> halted();

    void halt(String reason);
}
