package backroom.relay.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of the test's own on the local PostgreSQL (127.0.0.1:5432, trust auth), dropped at
 * close. Fails, never skips, when PostgreSQL is not there.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "?user=postgres";

    private final String name = "backroom_test_" + UUID.randomUUID().toString().replace("-", "");

    public PostgresDatabase() {
        admin("CREATE DATABASE " + name);
    }

    public String url() {
        return SERVER + name + USER;
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres" + USER);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
        }
    }
}
