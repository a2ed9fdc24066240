package backroom.edge.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;

/** A write waiting for its group, and then its outcome, held back until the group is on disk. */
final class PendingWrite<T> {

    private final Write<T> write;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private T value;
    private RuntimeException refusal;

    PendingWrite(Write<T> write) {
        this.write = write;
    }

    CompletableFuture<T> result() {
        return result;
    }

    /** Savepoints straight on the connection: Jdbi's bookkeeping cost the writer more than H2's. */
    void runIn(Handle handle, Connection connection, LedgerAppender appender) throws SQLException {
        LedgerHead before = appender.head();
        Instant newestBefore = appender.newest();
        appender.startWrite();
        Savepoint savepoint = connection.setSavepoint();
        try {
            value = write.apply(handle, appender);
            connection.releaseSavepoint(savepoint);
        } catch (RuntimeException | AssertionError e) {
            connection.rollback(savepoint);
            appender.rewindTo(before, newestBefore);
            refusal = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** Called once the group is durable: the caller gets its value, or its own refusal. */
    void answer() {
        if (refusal != null) {
            result.completeExceptionally(refusal);
        } else {
            result.complete(value);
        }
    }
}
