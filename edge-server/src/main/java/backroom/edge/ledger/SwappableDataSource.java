package backroom.edge.ledger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Connections to the ledger database through a pool that can be replaced. After a failed write
 * H2 may have closed the database for good (a full disk makes MVStore "panic"); reopening means a
 * new pool on the same file, and every reader simply gets its next connection from that. While
 * the file cannot be opened for writing (H2 writes on open, and the disk is still full) the pool
 * opens it read-only, so the box keeps serving reads until the next write finds room again.
 */
final class SwappableDataSource implements DataSource {

    private static final int MAX_CONNECTIONS = 32;
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(5);
    /**
     * H2 keeps one Database object per file in the JVM; one whose store panicked on a failed
     * write stays registered, closed, and would be handed to the next connection. OPEN_NEW makes
     * the reopened pool build its own from the file.
     */
    private static final String OPEN_NEW = ";OPEN_NEW=TRUE";

    private final String url;
    private volatile JdbcConnectionPool pool;

    SwappableDataSource(String url) {
        this.url = url;
        this.pool = newPool(url);
    }

    /**
     * Closes every connection of the current pool (H2 then closes the database) and opens the file
     * anew, for writing if it can be; otherwise read-only, and throws to say writing must wait.
     */
    synchronized void reopen() {
        pool.dispose();
        try {
            pool = openFreshOnceReleased(url);
        } catch (SQLException e) {
            pool = readOnlyOrUnopened();
            throw new LedgerUnavailableException("the ledger database can only be read for now: " + e.getMessage(), e);
        }
    }

    /**
     * The old Database lets go of its lock on the file only when it has finished closing, and that
     * can be a moment after its pool was disposed (the thread that closes its last connection,
     * a reader handing one back, closes it). Under load here the first try failed with "Database
     * may be already in use" in about one reopen in twenty, and the next try, 5 ms later, opened
     * it. Only that failure is tried again, and not past {@link #RELEASE_WAIT}: another process
     * holding the file still fails the write.
     */
    private static JdbcConnectionPool openFreshOnceReleased(String url) throws SQLException {
        long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
        while (true) {
            try {
                return openFresh(url);
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1 || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                pause(e);
            }
        }
    }

    private static void pause(SQLException lockedMeanwhile) throws SQLException {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw lockedMeanwhile;
        }
    }

    private JdbcConnectionPool readOnlyOrUnopened() {
        try {
            return openFresh(readOnly(url));
        } catch (SQLException e) {
            return newPool(readOnly(url));
        }
    }

    /**
     * A pool on a Database object built anew from the file. Only its first connection may ask
     * for that: every later one must join it, or it would try to open the file a second time.
     */
    private static JdbcConnectionPool openFresh(String url) throws SQLException {
        try (Connection first = DriverManager.getConnection(url + OPEN_NEW, "sa", "")) {
            JdbcConnectionPool fresh = newPool(url);
            try {
                fresh.getConnection().close();
            } catch (SQLException | RuntimeException e) {
                fresh.dispose();
                throw e;
            }
            return fresh;
        }
    }

    void dispose() {
        pool.dispose();
    }

    /** The same file, opened without writing anything to it (no trace file either). */
    private static String readOnly(String url) {
        int settings = url.indexOf(';');
        return (settings < 0 ? url : url.substring(0, settings)) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0";
    }

    private static JdbcConnectionPool newPool(String url) {
        JdbcConnectionPool created = JdbcConnectionPool.create(url, "sa", "");
        created.setMaxConnections(MAX_CONNECTIONS);
        return created;
    }

    @Override
    public Connection getConnection() throws SQLException {
        JdbcConnectionPool current = pool;
        try {
            return current.getConnection();
        } catch (IllegalStateException disposedMeanwhile) {
            // reopen() swapped pools between our read of the field and the call: take the new one.
            // Still the disposed one: reopen() is waiting for the file, so this read is a 503, not a 500.
            if (current == pool) {
                throw new LedgerUnavailableException("the ledger database is being reopened", disposedMeanwhile);
            }
            return pool.getConnection();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
