package backroom.edge.ledger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Connections to the ledger database through a pool that can be replaced. After a failed write
 * H2 may have closed the database for good (a full disk makes MVStore "panic"); reopening means a
 * new pool on the same file, and every reader simply gets its next connection from that.
 */
final class SwappableDataSource implements DataSource {

    private static final int MAX_CONNECTIONS = 32;

    private final String url;
    private volatile JdbcConnectionPool pool;

    SwappableDataSource(String url) {
        this.url = url;
        this.pool = newPool();
    }

    /** Closes every connection of the current pool (H2 then closes the database) and starts a new one. */
    synchronized void reopen() {
        JdbcConnectionPool old = pool;
        old.dispose();
        pool = newPool();
    }

    void dispose() {
        pool.dispose();
    }

    private JdbcConnectionPool newPool() {
        JdbcConnectionPool created = JdbcConnectionPool.create(url, "sa", "");
        created.setMaxConnections(MAX_CONNECTIONS);
        return created;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
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
