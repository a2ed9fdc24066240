package backroom.relay.wire;

import java.util.List;

/**
 * One uplink message on {@code backroom/v1/{franchise}/{store}/events}: ledger entries
 * {@code fromSeq..toSeq} of one store, in seq order, without gaps. On the wire it is gzip'd JSON
 * with an HMAC-SHA256 over it keyed by the store's secret (see DESIGN.md, Cloud relay):
 *
 * <pre>
 * {"franchise":"kopi-nusantara","store":"jkt-001","fromSeq":41,"toSeq":42,
 *  "entries":[{"seq":41,"type":"shift.opened","occurredAt":"2026-11-23T08:00:00.000Z",
 *              "payload":"{...canonical JSON...}","prevHash":"...","hash":"..."}, ...]}
 * </pre>
 */
public record RelayBatch(String franchise, String store, long fromSeq, long toSeq, List<Entry> entries) {

    public RelayBatch {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one entry");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).seq() != fromSeq + i) {
                throw new IllegalArgumentException("entries must run from " + fromSeq + " without gaps; found " + entries.get(i).seq() + " at " + i);
            }
        }
        if (toSeq != fromSeq + entries.size() - 1) {
            throw new IllegalArgumentException("toSeq " + toSeq + " does not match " + entries.size() + " entries from " + fromSeq);
        }
    }

    /** A ledger entry as the relay carries it; {@code payload} is the canonical JSON text, unparsed. */
    public record Entry(long seq, String type, String occurredAt, String payload, String prevHash, String hash) {
    }
}
