package backroom.edge.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Installed on the {@code ledger} table for UPDATE and DELETE: refuses both, so a bug can never
 * rewrite history. Someone with the database file can still drop it; the hash chain is what
 * catches that ({@code backroom verify-ledger}).
 */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the ledger is append-only: entries are never updated or deleted", "42000");
    }
}
