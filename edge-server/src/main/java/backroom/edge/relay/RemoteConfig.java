package backroom.edge.relay;

import backroom.edge.catalog.CatalogImport;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Problem;
import backroom.relay.wire.StoreConfig;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies HQ's catalog and settings ({@link StoreConfig}) in one ledger write: the catalog import
 * and a {@code config.applied} entry, with the version in {@code relay_config}. Until that write
 * is on disk the box goes on serving what it had. A version at or below the one applied is
 * ignored (the retained config comes again on every connect); a document the catalog refuses
 * changes nothing and is reported in the relay's status.
 */
final class RemoteConfig {

    private static final Logger LOG = Logger.getLogger(RemoteConfig.class.getName());

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final CurrentPriceList prices;
    private volatile long appliedVersion;
    private volatile String lastRefusal;

    RemoteConfig(Jdbi jdbi, LedgerWriter writer, CurrentPriceList prices) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.prices = prices;
        this.appliedVersion = jdbi.withHandle(RemoteConfig::version);
    }

    /** The version applied last; 0 before any. */
    long appliedVersion() {
        return appliedVersion;
    }

    /** Why the newest config HQ sent was refused, if it was. */
    Optional<String> lastRefusal() {
        return Optional.ofNullable(lastRefusal);
    }

    void apply(StoreConfig config) {
        try {
            boolean applied = writer.submit((handle, ledger) -> {
                if (config.version() <= version(handle)) {
                    return false;
                }
                CatalogImport.Imported imported = CatalogImport.apply(handle, ledger, config.catalog(), config.settings(), prices);
                recordApplied(handle, config.version(), ledger.now());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("version", config.version());
                entry.put("imported", imported);
                ledger.append("config.applied", entry);
                return true;
            });
            if (applied) {
                appliedVersion = config.version();
                lastRefusal = null;
                LOG.info("applied HQ's config version " + config.version());
            }
        } catch (Problem refused) {
            lastRefusal = "config version " + config.version() + " refused: " + refused.errors().stream()
                    .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
            LOG.warning(lastRefusal);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "HQ's config version " + config.version() + " could not be applied; it is tried again on the next connect", e);
        }
    }

    /** The row of a {@code config.applied} entry: the version applied last, and when. */
    static void recordApplied(Handle handle, long version, Instant at) {
        handle.createUpdate("MERGE INTO relay_config (id, version, applied_at) KEY (id) VALUES (1, :version, :at)")
                .bind("version", version)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    private static long version(Handle handle) {
        return handle.createQuery("SELECT version FROM relay_config WHERE id = 1").mapTo(Long.class).findOne().orElse(0L);
    }
}
