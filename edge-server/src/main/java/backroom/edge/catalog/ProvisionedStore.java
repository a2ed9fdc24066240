package backroom.edge.catalog;

import backroom.edge.ledger.CanonicalJson;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.Sha256;
import backroom.edge.web.FieldError;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The store's settings and taxes from the box's configuration file ({@code settings:} and
 * {@code taxes:} in {@code backroom.yaml}), in the shape of HQ's settings and catalog documents.
 * Applied at start-up in one ledger write, as HQ's are, only when they differ from what the file
 * said when it was last applied: HQ's later pushes are not undone by every restart, and a changed
 * file is applied once. The hash of what was applied goes in its {@code catalog.imported} entry, so
 * a box rebuilt from HQ's copy of its ledger knows the file it finds was applied already.
 */
public record ProvisionedStore(JsonNode settings, JsonNode taxes) {

    public ProvisionedStore {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(taxes, "taxes");
    }

    /** The errors applying it would give, named as in HQ's documents ({@code settings.serviceChargeBp}, {@code catalog.taxes[0].rateBp}). */
    public List<FieldError> problems() {
        return CatalogImport.check(catalog(), settings);
    }

    /** Applies it in the caller's ledger write unless the file said the same when last applied; true when it was applied. */
    public boolean applyIfChanged(Handle handle, LedgerAppender ledger, CurrentPriceList prices) {
        String hash = hash();
        String applied = handle.createQuery("SELECT provisioned_hash FROM store_settings").mapTo(String.class).findOne().orElse(null);
        if (hash.equals(applied)) {
            return false;
        }
        CatalogImport.apply(handle, ledger, catalog(), settings.isEmpty() ? null : settings, prices, hash);
        return true;
    }

    String hash() {
        return Sha256.hex(CanonicalJson.write(Json.MAPPER.convertValue(catalog().set("settings", settings.deepCopy()), Object.class)));
    }

    private ObjectNode catalog() {
        ObjectNode catalog = Json.MAPPER.createObjectNode();
        catalog.set("taxes", taxes.deepCopy());
        return catalog;
    }
}
