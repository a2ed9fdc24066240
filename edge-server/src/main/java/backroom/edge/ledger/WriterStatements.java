package backroom.edge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hottest statements of the ledger writer, prepared once on its connection and reused by
 * every write, with {@code ?} parameters in the order the SQL names them. Jdbi copies its configuration
 * and binds by name on every statement; on the writer, which every sale queues for, that was a
 * fifth of its time per sale. Everything else goes through Jdbi.
 */
public final class WriterStatements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public WriterStatements(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code sql} with {@code parameters} in order; returns the update count. */
    public int update(String sql, Object... parameters) {
        try {
            PreparedStatement statement = prepared(sql);
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    /** The first row {@code sql} finds, read by {@code row}, if any. */
    public <T> Optional<T> queryOne(String sql, Row<T> row, Object... parameters) {
        try {
            PreparedStatement statement = prepared(sql);
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    /** Hands every row {@code sql} finds to {@code row}, in order. */
    public void queryEach(String sql, Row<?> row, Object... parameters) {
        try {
            PreparedStatement statement = prepared(sql);
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} once per row of parameters, as one JDBC batch. */
    public void batch(String sql, List<Object[]> rows) {
        try {
            PreparedStatement statement = prepared(sql);
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    @Override
    public void close() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection is being dropped anyway
            }
        }
        prepared.clear();
    }

    /** A statement the database refused (a duplicate key, a failing disk); the cause says which. */
    public static final class StatementFailedException extends RuntimeException {

        StatementFailedException(String sql, SQLException cause) {
            super(cause.getMessage() + " [" + sql.strip().lines().findFirst().orElse(sql) + "]", cause);
        }

        /** SQLSTATE 23505: the row's key is taken. */
        public boolean isDuplicateKey() {
            return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
        }
    }
}
