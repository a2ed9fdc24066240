package backroom.relay.hq;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * HQ's tables, the same SQL on H2 and PostgreSQL. {@code ledger_entries} is what HQ engineers
 * query: every store's ledger, each (franchise, store, seq) once. {@code ledger_conflicts} keeps
 * the other side of a fork. {@code store_heads} says how far each store's chain is checked.
 */
final class HqTables {

    private HqTables() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (String table : new String[] {"ledger_entries", "ledger_conflicts"}) {
                sql.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                        + " franchise VARCHAR(64) NOT NULL,"
                        + " store VARCHAR(64) NOT NULL,"
                        + " seq BIGINT NOT NULL,"
                        + " type VARCHAR(100) NOT NULL,"
                        + " occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                        + " payload VARCHAR NOT NULL,"
                        + " hash CHAR(64) NOT NULL,"
                        + " prev_hash CHAR(64) NOT NULL,"
                        + " received_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                        + ("ledger_entries".equals(table) ? " PRIMARY KEY (franchise, store, seq))" : " PRIMARY KEY (franchise, store, seq, hash))"));
            }
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS store_heads (
                        franchise     VARCHAR(64) NOT NULL,
                        store         VARCHAR(64) NOT NULL,
                        checked_seq   BIGINT NOT NULL,
                        checked_hash  CHAR(64) NOT NULL,
                        forked_at_seq BIGINT,
                        flaw          VARCHAR(500),
                        updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
                        PRIMARY KEY (franchise, store))""");
        }
    }
}
