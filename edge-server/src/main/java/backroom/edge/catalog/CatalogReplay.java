package backroom.edge.catalog;

import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The store_settings, tax_rates, categories, products, product_variants and product_modifiers
 * tables written again from the catalog's entries, by the same methods that wrote them live:
 * <ul>
 *   <li>{@code catalog.seeded}: the settings (catalog version 1), taxes, categories and products,
 *       each list in its order;</li>
 *   <li>{@code catalog.product_upserted}: the product with its variants and modifiers, in its old
 *       place or after the last, and the next catalog version;</li>
 *   <li>{@code catalog.imported} (from HQ, with a {@code config.applied} entry after it, or from the
 *       configuration file): the settings it gives, the taxes, categories and products it lists,
 *       the next catalog version, and {@code provisioned_hash} when it says one.</li>
 * </ul>
 * Every column comes back. Stock levels are the stock room's to write, from the same entries. A
 * {@code catalog.imported} entry written before it carried {@code provisionedHash} leaves that column
 * as the entries before it did (null after the seed): the rebuilt box then applies its
 * configuration file's settings and taxes once more at its first start, over anything HQ pushed
 * since. A {@code catalog.seeded} entry written before the kitchen screens' times existed gives
 * them the defaults the column took then.
 */
public final class CatalogReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "catalog.seeded" -> seeded(tables, LedgerAudit.payload(entry));
            case "catalog.product_upserted" -> CatalogWrites.upsertedRows(tables.handle(), as(LedgerAudit.payload(entry), Product.class));
            case "catalog.imported" -> imported(tables, LedgerAudit.payload(entry));
            default -> { }
        }
    }

    private static void seeded(RebuiltTables tables, JsonNode seeded) {
        CatalogWrites.seededRows(tables.handle(), settings(seeded.path("settings")), listOf(seeded.path("taxes"), TaxRate.class),
                listOf(seeded.path("categories"), Category.class), listOf(seeded.path("products"), Product.class));
    }

    private static void imported(RebuiltTables tables, JsonNode imported) {
        JsonNode settings = imported.path("settings");
        JsonNode hash = imported.path("provisionedHash");
        CatalogImport.importedRows(tables.handle(),
                settings.isObject() ? as(settings, CatalogImport.SettingsDocument.class) : null,
                listOf(imported.path("taxes"), TaxRate.class), listOf(imported.path("categories"), Category.class),
                listOf(imported.path("products"), Product.class), hash.isTextual() ? hash.asText() : null);
    }

    private static StoreSettings settings(JsonNode node) {
        ObjectNode settings = node.deepCopy();
        if (!settings.has("kdsAmberSeconds")) {
            settings.put("kdsAmberSeconds", StoreSettings.KDS_AMBER_SECONDS);
        }
        if (!settings.has("kdsRedSeconds")) {
            settings.put("kdsRedSeconds", StoreSettings.KDS_RED_SECONDS);
        }
        return as(settings, StoreSettings.class);
    }

    private static <T> T as(JsonNode node, Class<T> type) {
        return Json.MAPPER.convertValue(node, type);
    }

    private static <T> List<T> listOf(JsonNode node, Class<T> type) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        return Json.MAPPER.convertValue(node, Json.MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    }
}
