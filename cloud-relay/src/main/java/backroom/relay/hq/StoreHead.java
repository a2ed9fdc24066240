package backroom.relay.hq;

import backroom.relay.wire.RelayBatch;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A store's row in {@code store_heads}: entries 1..{@code checkedSeq} are held and their chain
 * checked; {@code forkedAtSeq} is the first seq received with a second hash, or where the chain broke
 * ({@code flaw} says how). A flaw stops the walk for good; a fork alone does not.
 */
record StoreHead(long checkedSeq, String checkedHash, Long forkedAtSeq, String flaw) {

    static StoreHead of(ResultSet row) throws SQLException {
        long forkedAt = row.getLong("forked_at_seq");
        Long forkedAtSeq = row.wasNull() ? null : forkedAt;
        return new StoreHead(row.getLong("checked_seq"), row.getString("checked_hash"), forkedAtSeq, row.getString("flaw"));
    }

    /** The first fork seen stays the one reported. */
    StoreHead withFork(Long seq) {
        return forkedAtSeq != null || seq == null ? this : new StoreHead(checkedSeq, checkedHash, seq, flaw);
    }

    /** One entry further along the chain, or stopped at it with {@code entryFlaw}. */
    StoreHead next(RelayBatch.Entry entry, String entryFlaw) {
        if (entryFlaw != null) {
            return new StoreHead(checkedSeq, checkedHash, forkedAtSeq == null ? entry.seq() : Math.min(forkedAtSeq, entry.seq()), entryFlaw);
        }
        return new StoreHead(entry.seq(), entry.hash(), forkedAtSeq, flaw);
    }
}
