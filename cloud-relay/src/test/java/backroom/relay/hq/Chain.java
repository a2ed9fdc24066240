package backroom.relay.hq;

import backroom.relay.wire.RelayBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A store's ledger made up in a test: entries 1..n, hash-chained by the documented formula. */
final class Chain {

    private final List<RelayBatch.Entry> entries = new ArrayList<>();

    Chain(int length, String flavour) {
        String previous = ChainLink.GENESIS;
        for (long seq = 1; seq <= length; seq++) {
            RelayBatch.Entry unsealed = new RelayBatch.Entry(seq, "sale.completed", Instant.ofEpochMilli(1_790_000_000_000L + seq).toString(),
                    "{\"n\":" + seq + ",\"flavour\":\"" + flavour + "\"}", previous, "");
            RelayBatch.Entry entry = new RelayBatch.Entry(seq, unsealed.type(), unsealed.occurredAt(), unsealed.payload(), previous,
                    ChainLink.hashOf(unsealed));
            entries.add(entry);
            previous = entry.hash();
        }
    }

    /** Entries from..to of this chain; from 1. */
    RelayBatch batch(long from, long to) {
        return new RelayBatch("kopi", "s1", from, to, entries.subList((int) from - 1, (int) to));
    }

    RelayBatch.Entry entry(long seq) {
        return entries.get((int) seq - 1);
    }

    /** This chain up to {@code keep}, then other entries from there on: a restored backup ringing new sales. */
    Chain forkAfter(long keep, int length) {
        Chain other = new Chain(length, "fork");
        Chain fork = new Chain(0, "");
        fork.entries.addAll(entries.subList(0, (int) keep));
        String previous = keep == 0 ? ChainLink.GENESIS : entries.get((int) keep - 1).hash();
        for (long seq = keep + 1; seq <= length; seq++) {
            RelayBatch.Entry o = other.entry(seq);
            RelayBatch.Entry unsealed = new RelayBatch.Entry(seq, o.type(), o.occurredAt(), o.payload(), previous, "");
            RelayBatch.Entry entry = new RelayBatch.Entry(seq, o.type(), o.occurredAt(), o.payload(), previous, ChainLink.hashOf(unsealed));
            fork.entries.add(entry);
            previous = entry.hash();
        }
        return fork;
    }
}
