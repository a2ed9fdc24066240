package backroom.edge.ledger;

import org.jdbi.v3.core.Handle;

/**
 * One business write: runs on the ledger writer's thread inside the current group's transaction,
 * under its own savepoint. Throwing rolls back this write alone and hands the exception to its
 * caller; returning commits it with the rest of the group.
 */
@FunctionalInterface
public interface Write<T> {

    T apply(Handle handle, LedgerAppender ledger);
}
