package backroom.edge.ledger;

import org.jdbi.v3.core.Handle;

/**
 * The tables of a ledger being rebuilt, as a {@link TableReplay} writes them: the rebuild's own
 * connection, inside the transaction of the page of entries being replayed, and statements
 * prepared once on it for the rows written per entry.
 */
public record RebuiltTables(Handle handle, WriterStatements statements) {
}
