package backroom.edge.bench;

import backroom.edge.ledger.LedgerDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What bounds a drain on this machine whatever the relay does: the box's ledger read alone, in
 * pages of 1,000 as the uplink reads it, and HQ's H2 taking the same rows alone, in plain JDBC
 * batches of 1,000 (one commit each) into a table like {@code ledger_entries} with no check, no
 * hashing and nothing else running. A drain end to end does both and more (gzip, signing, the
 * broker, HQ's chain check), so it cannot beat the slower of the two.
 */
final class DrainCeilings {

    private static final int PAGE = 1_000;

    /** Entries per second of each, and how many entries each was timed over. */
    record Result(long entries, double ledgerReadPerSecond, double hqInsertPerSecond) {
    }

    private DrainCeilings() {
    }

    static Result measure(Path ledgerDir, String hqJdbcUrl) throws SQLException {
        List<Row> rows = new ArrayList<>();
        long start = System.nanoTime();
        try (Connection ledger = DriverManager.getConnection(LedgerDatabase.readOnlyUrlFor(ledgerDir), "sa", "");
             PreparedStatement page = ledger.prepareStatement(
                     "SELECT seq, type, occurred_at, payload, prev_hash, hash FROM ledger WHERE seq > ? ORDER BY seq LIMIT " + PAGE)) {
            long after = 0;
            int read;
            do {
                page.setLong(1, after);
                read = 0;
                try (ResultSet result = page.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getLong(1), result.getString(2), result.getObject(3, OffsetDateTime.class),
                                result.getString(4), result.getString(5), result.getString(6)));
                        read++;
                    }
                }
                after = rows.isEmpty() ? 0 : rows.getLast().seq();
            } while (read == PAGE);
        }
        double readPerSecond = rows.size() / ((System.nanoTime() - start) / 1e9);
        return new Result(rows.size(), readPerSecond, insertPerSecond(hqJdbcUrl, rows));
    }

    private static double insertPerSecond(String url, List<Row> rows) throws SQLException {
        try (Connection hq = DriverManager.getConnection(url); Statement sql = hq.createStatement()) {
            sql.execute("""
                    CREATE TABLE plain_entries (franchise VARCHAR(64) NOT NULL, store VARCHAR(64) NOT NULL, seq BIGINT NOT NULL,
                        type VARCHAR(100) NOT NULL, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, payload VARCHAR NOT NULL,
                        hash CHAR(64) NOT NULL, prev_hash CHAR(64) NOT NULL, received_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        PRIMARY KEY (franchise, store, seq))""");
            hq.setAutoCommit(false);
            OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            try (PreparedStatement insert = hq.prepareStatement("INSERT INTO plain_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    insert.setString(1, "ceiling");
                    insert.setString(2, "store-1");
                    insert.setLong(3, row.seq());
                    insert.setString(4, row.type());
                    insert.setObject(5, row.occurredAt());
                    insert.setString(6, row.payload());
                    insert.setString(7, row.hash());
                    insert.setString(8, row.prevHash());
                    insert.setObject(9, received);
                    insert.addBatch();
                    if ((i + 1) % PAGE == 0 || i == rows.size() - 1) {
                        insert.executeBatch();
                        hq.commit();
                    }
                }
            }
            return rows.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private record Row(long seq, String type, OffsetDateTime occurredAt, String payload, String prevHash, String hash) {
    }
}
