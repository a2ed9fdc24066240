package backroom.edge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** Reads of the {@code ledger} table. Nothing in the box updates or deletes its rows. */
final class LedgerTable {

    private LedgerTable() {
    }

    static LedgerHead head(Handle handle) {
        return handle.createQuery("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
                .map((rs, ctx) -> new LedgerHead(rs.getLong("seq"), rs.getString("hash")))
                .findOne()
                .orElse(LedgerHead.EMPTY);
    }

    /** The newest entry's time, or the epoch for an empty ledger. */
    static Instant newestTime(Handle handle) {
        return handle.createQuery("SELECT occurred_at FROM ledger ORDER BY seq DESC LIMIT 1")
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .findOne()
                .orElse(Instant.EPOCH);
    }

    static String hashAt(Handle handle, long seq) {
        return handle.createQuery("SELECT hash FROM ledger WHERE seq = :seq").bind("seq", seq).mapTo(String.class).findOne().orElse("");
    }

    /** Streams entries with {@code seq > afterSeq} in seq order, without holding them all in memory. */
    static void forEachAfter(Handle handle, long afterSeq, Consumer<LedgerEntry> action) {
        handle.createQuery("""
                        SELECT seq, type, occurred_at, payload, prev_hash, hash
                        FROM ledger WHERE seq > :after ORDER BY seq
                        """)
                .bind("after", afterSeq)
                .setFetchSize(1_000)
                .map((rs, ctx) -> entry(rs))
                .useStream(stream -> stream.forEach(action));
    }

    /** Up to {@code limit} entries with {@code afterSeq < seq <= upToSeq}, in seq order. */
    static List<LedgerEntry> between(Handle handle, long afterSeq, long upToSeq, int limit) {
        return handle.createQuery("""
                        SELECT seq, type, occurred_at, payload, prev_hash, hash
                        FROM ledger WHERE seq > :after AND seq <= :upTo ORDER BY seq LIMIT :limit
                        """)
                .bind("after", afterSeq)
                .bind("upTo", upToSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list();
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(
                rs.getLong("seq"),
                rs.getString("type"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("payload"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
