package backroom.edge.ledger;

import org.jdbi.v3.core.Handle;

/**
 * Walks the ledger's hash chain and names the first entry that does not hold: a gap in seq, a
 * prev_hash that is not the previous entry's hash, or a hash that does not match the entry's
 * columns (an edited row).
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /** Checks every entry after {@code from}, which must itself be a trusted point of the chain. */
    public static ChainVerdict verify(Handle handle, LedgerHead from) {
        Walk walk = new Walk(from);
        LedgerTable.forEachAfter(handle, from.seq(), walk::check);
        return walk.verdict();
    }

    public static ChainVerdict verifyAll(Handle handle) {
        return verify(handle, LedgerHead.EMPTY);
    }

    /** The chain check one entry at a time, for walks that do more with each entry. */
    static final class Walk {
        private LedgerHead last;
        private long checked;
        private long brokenSeq;
        private String problem;

        Walk(LedgerHead from) {
            this.last = from;
        }

        void check(LedgerEntry entry) {
            if (brokenSeq != 0) {
                return;
            }
            checked++;
            if (entry.seq() != last.seq() + 1) {
                fail(last.seq() + 1, "entry " + (last.seq() + 1) + " is missing (next found is " + entry.seq() + ")");
            } else if (!entry.prevHash().equals(last.hash())) {
                fail(entry.seq(), "prev_hash does not match the hash of entry " + last.seq());
            } else if (!entry.hashMatches()) {
                fail(entry.seq(), "hash does not match the entry's contents (the row was changed)");
            } else {
                last = new LedgerHead(entry.seq(), entry.hash());
            }
        }

        private void fail(long seq, String why) {
            brokenSeq = seq;
            problem = why;
        }

        boolean intact() {
            return brokenSeq == 0;
        }

        ChainVerdict verdict() {
            return new ChainVerdict(checked, last, brokenSeq, problem);
        }
    }
}
