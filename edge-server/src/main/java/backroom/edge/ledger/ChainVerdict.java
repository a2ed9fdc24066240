package backroom.edge.ledger;

/**
 * What walking the hash chain found: how many entries were checked, the head reached, and the
 * first broken entry (0 when the chain is whole) with the reason.
 */
public record ChainVerdict(long entriesChecked, LedgerHead head, long firstBrokenSeq, String problem) {

    public boolean intact() {
        return firstBrokenSeq == 0;
    }
}
