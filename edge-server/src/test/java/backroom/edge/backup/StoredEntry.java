package backroom.edge.backup;

import backroom.edge.ledger.LedgerDatabase;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A ledger entry as it is stored, every column: for holding a restored ledger to the original. */
record StoredEntry(long seq, String type, String occurredAt, String payload, String prevHash, String hash) {

    /** The entries up to {@code seq} in the database {@code jdbi} reads. */
    static List<StoredEntry> upTo(Jdbi jdbi, long seq) {
        return jdbi.withHandle(handle -> upTo(handle, seq));
    }

    /** The entries up to {@code seq} in the ledger of a stopped box's data folder, opened read-only. */
    static List<StoredEntry> upTo(Path dataDir, long seq) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            return upTo(handle, seq);
        }
    }

    /** Every entry in the ledger of a stopped box's data folder. */
    static List<StoredEntry> all(Path dataDir) {
        return upTo(dataDir, Long.MAX_VALUE);
    }

    private static List<StoredEntry> upTo(Handle handle, long seq) {
        return handle.createQuery("""
                        SELECT seq, type, CAST(occurred_at AS VARCHAR) AS occurred_at, payload, prev_hash, hash
                        FROM ledger WHERE seq <= :seq ORDER BY seq""")
                .bind("seq", seq)
                .map((rs, ctx) -> new StoredEntry(rs.getLong("seq"), rs.getString("type"), rs.getString("occurred_at"),
                        rs.getString("payload"), rs.getString("prev_hash"), rs.getString("hash")))
                .list();
    }
}
