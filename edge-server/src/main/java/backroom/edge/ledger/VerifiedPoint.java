package backroom.edge.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The newest entry known to chain correctly, kept in {@code ledger_verified}. Start-up walks the
 * chain only from here (the point's own entry included, hashed again), and holds the tables to
 * those entries, so it takes as long as the entries written since, not the whole ledger;
 * {@code backroom verify-ledger} still walks everything.
 */
final class VerifiedPoint {

    private VerifiedPoint() {
    }

    static LedgerHead read(Handle handle) {
        return handle.createQuery("SELECT seq, hash FROM ledger_verified WHERE id = 1")
                .map((rs, ctx) -> new LedgerHead(rs.getLong("seq"), rs.getString("hash")))
                .findOne()
                .orElse(LedgerHead.EMPTY);
    }

    static void record(Handle handle, LedgerHead head, Instant at) {
        handle.createUpdate("MERGE INTO ledger_verified (id, seq, hash, verified_at) KEY (id) VALUES (1, :seq, :hash, :at)")
                .bind("seq", head.seq())
                .bind("hash", head.hash())
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /**
     * Walks the chain from the verified point to the head, the point's own entry hashed again, and
     * holds the tables to every entry walked; names what breaks, if anything.
     */
    static AuditVerdict checkSince(Handle handle, List<TableAudit> audits) {
        LedgerHead point = read(handle);
        LedgerHead head = LedgerTable.head(handle);
        if (head.seq() < point.seq()) {
            return new AuditVerdict(new ChainVerdict(0, head, head.seq() + 1, "the ledger ends at entry " + head.seq()
                    + " but entry " + point.seq() + " was verified before: entries were lost"), null);
        }
        if (point.seq() > 0 && !point.hash().equals(LedgerTable.hashAt(handle, point.seq()))) {
            return new AuditVerdict(new ChainVerdict(0, LedgerHead.EMPTY, point.seq(), "entry " + point.seq()
                    + " changed since it was verified"), null);
        }
        LedgerHead before = point.seq() <= 1 ? LedgerHead.EMPTY : new LedgerHead(point.seq() - 1, LedgerTable.hashAt(handle, point.seq() - 1));
        return LedgerAudit.walk(handle, before, audits);
    }
}
