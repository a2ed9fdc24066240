package backroom.edge.ledger;

import java.time.OffsetDateTime;
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
                .map((rs, ctx) -> new LedgerEntry(
                        rs.getLong("seq"),
                        rs.getString("type"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("payload"),
                        rs.getString("prev_hash"),
                        rs.getString("hash")))
                .useStream(stream -> stream.forEach(action));
    }
}
