package backroom.edge.ledger;

import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jdbi.v3.core.Handle;

/**
 * The H2 MVStore under a ledger connection: H2 offers online compaction, its retention time and
 * its panic state there, not in SQL. Shared by the compaction and the writer.
 */
final class MvStores {

    private MvStores() {
    }

    static MVStore under(Handle handle) {
        try {
            SessionLocal session = (SessionLocal) handle.getConnection().unwrap(JdbcConnection.class).getSession();
            return session.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger's connection is not H2's own", e);
        }
    }
}
