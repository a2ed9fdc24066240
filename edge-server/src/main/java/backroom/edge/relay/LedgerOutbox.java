package backroom.edge.relay;

import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerEntry;
import backroom.relay.uplink.Outbox;
import backroom.relay.wire.RelayBatch;
import java.util.List;
import java.util.Optional;

/** The ledger as the uplink's outbox: entries already forced to disk, read beside the writer, never through it. */
final class LedgerOutbox implements Outbox {

    private final LedgerDatabase ledger;

    LedgerOutbox(LedgerDatabase ledger) {
        this.ledger = ledger;
    }

    @Override
    public long headSeq() {
        return ledger.writer().head().seq();
    }

    @Override
    public List<RelayBatch.Entry> after(long seq, int limit) {
        return ledger.durableEntriesAfter(seq, limit).stream().map(LedgerOutbox::onTheWire).toList();
    }

    @Override
    public Optional<String> hashAt(long seq) {
        return ledger.durableEntriesAfter(seq - 1, 1).stream().filter(entry -> entry.seq() == seq).map(LedgerEntry::hash).findFirst();
    }

    static RelayBatch.Entry onTheWire(LedgerEntry entry) {
        return new RelayBatch.Entry(entry.seq(), entry.type(), entry.occurredAt().toString(), entry.payload(), entry.prevHash(),
                entry.hash());
    }
}
