package backroom.edge.ledger;

/** The newest entry's seq and hash: where the next entry chains on. Seq 0 is the empty ledger. */
public record LedgerHead(long seq, String hash) {

    static final LedgerHead EMPTY = new LedgerHead(0, LedgerEntry.GENESIS_HASH);
}
