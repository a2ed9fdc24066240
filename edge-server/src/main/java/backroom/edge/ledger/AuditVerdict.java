package backroom.edge.ledger;

/**
 * What a walk of the ledger found: the hash chain's verdict, and the first table row that
 * disagrees with the entries (null when every table agrees, or when the chain broke first and the
 * tables were not held to entries that cannot be trusted).
 */
public record AuditVerdict(ChainVerdict chain, String tableProblem) {

    public boolean intact() {
        return chain.intact() && tableProblem == null;
    }

    /** What broke, in one sentence, or null when nothing did. */
    public String problem() {
        if (!chain.intact()) {
            return "the hash chain breaks at entry " + chain.firstBrokenSeq() + ": " + chain.problem();
        }
        return tableProblem == null ? null : "a table no longer agrees with the ledger: " + tableProblem;
    }
}
