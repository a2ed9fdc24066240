package backroom.relay.uplink;

import backroom.relay.wire.RelayBatch;
import java.util.List;
import java.util.Optional;

/** The box's ledger as the uplink sees it: only entries already forced to disk. */
public interface Outbox {

    /** The newest entry on disk; 0 for an empty ledger. */
    long headSeq();

    /** Up to {@code limit} entries after {@code seq}, in seq order. */
    List<RelayBatch.Entry> after(long seq, int limit);

    /** The hash of entry {@code seq}, if the ledger holds it. */
    Optional<String> hashAt(long seq);
}
