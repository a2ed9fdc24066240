package backroom.edge.catalog;

import backroom.edge.ledger.WriterStatements;
import org.jdbi.v3.core.Handle;

/**
 * The price list the ledger writer prices sales against, read again only when the catalog has
 * changed. Only the ledger writer's thread touches it, so it needs no lock.
 *
 * <p>Each sale still reads {@code catalog_version} in its own transaction, so a change made by
 * another write in the same group, or undone with a failed group, is seen at once. Catalog writes
 * also {@link #forget} it: a version number undone with a failed group is handed out again by
 * the next change, and a list read in the failed group must not pass for that change's.
 */
public final class CurrentPriceList {

    private PriceList kept;

    /** The price list as it stands in the writer's transaction. */
    public PriceList in(Handle handle, WriterStatements statements) {
        long version = statements.queryOne("SELECT catalog_version FROM store_settings", rs -> rs.getLong(1)).orElseThrow();
        if (kept == null || kept.version() != version) {
            kept = PriceList.read(handle, version);
        }
        return kept;
    }

    void forget() {
        kept = null;
    }
}
