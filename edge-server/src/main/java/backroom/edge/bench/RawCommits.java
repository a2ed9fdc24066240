package backroom.edge.bench;

import backroom.edge.ledger.LedgerDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Baselines: plain JDBC on an H2 file with the box's own settings, no HTTP, no Backroom code in
 * the loop. Each run uses its own fresh database in {@code dir}.
 */
final class RawCommits {

    private RawCommits() {
    }

    /** Two small rows per transaction, committed without a sync: what H2 itself can do. */
    static double twoRowCommitsPerSecond(Path dir, Duration duration) throws SQLException {
        try (Connection c = open(dir)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE a (id BIGINT PRIMARY KEY, v VARCHAR(200))");
                s.execute("CREATE TABLE b (id BIGINT PRIMARY KEY, v VARCHAR(200))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("INSERT INTO a VALUES (?, ?)");
                 PreparedStatement b = c.prepareStatement("INSERT INTO b VALUES (?, ?)")) {
                return perSecond(duration, 1, n -> {
                    insert(a, n, "row a " + n);
                    insert(b, n, "row b " + n);
                    c.commit();
                });
            }
        }
    }

    /**
     * The rows one sale writes, in the box's own schema (see {@link SaleRows}), {@code group}
     * sales per transaction, then {@code CHECKPOINT SYNC}. Group 1 is one sync per sale.
     */
    static double syncedSalesPerSecond(Path dir, Duration duration, int group) throws SQLException {
        Path folder = dir.resolve(UUID.randomUUID().toString());
        LedgerDatabase.open(folder, Clock.systemUTC()).close();
        try (Connection c = DriverManager.getConnection(LedgerDatabase.urlFor(folder), "sa", ""); SaleRows rows = new SaleRows(c)) {
            c.setAutoCommit(false);
            try (Statement sync = c.createStatement()) {
                return perSecond(duration, group, n -> {
                    for (int i = 0; i < group; i++) {
                        rows.insert(n * group + i + 1);
                    }
                    c.commit();
                    sync.execute("CHECKPOINT SYNC");
                });
            }
        }
    }

    private static Connection open(Path dir) throws SQLException {
        return DriverManager.getConnection(LedgerDatabase.urlFor(dir.resolve(UUID.randomUUID().toString())), "sa", "");
    }

    private static void insert(PreparedStatement statement, long id, String value) throws SQLException {
        statement.setLong(1, id);
        statement.setString(2, value);
        statement.executeUpdate();
    }

    private static double perSecond(Duration duration, int perStep, Step step) throws SQLException {
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        long steps = 0;
        while (System.nanoTime() < end) {
            step.run(steps++);
        }
        return steps * perStep / ((System.nanoTime() - start) / 1e9);
    }

    @FunctionalInterface
    private interface Step {
        void run(long n) throws SQLException;
    }
}
