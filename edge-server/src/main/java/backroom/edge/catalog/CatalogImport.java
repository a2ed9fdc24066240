package backroom.edge.catalog;

import backroom.edge.ledger.LedgerAppender;
import backroom.edge.web.FieldError;
import backroom.edge.web.Json;
import backroom.edge.web.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * HQ's catalog and settings for this store, checked whole and applied in the caller's ledger
 * write, as one {@code catalog.imported} entry. What the document lists is created or replaced
 * (a product keeps its stock level); what it leaves out stays as it is, since past sales name it.
 * The store's id and currency are the box's own and never change here. The entry carries what
 * was applied (the settings given, null for each one left as it is; the products as checked), and
 * {@code provisionedHash} when the document came from the box's configuration file
 * ({@link ProvisionedStore}): {@link CatalogReplay} writes the same rows from it.
 *
 * <pre>{"taxes":[{"id":"ppn","name":"PPN 11%","rateBp":1100,"inclusive":false}],
 *  "categories":[{"id":"coffee","name":"Coffee"}],
 *  "products":[{"id":"latte","name":"Latte","categoryId":"coffee","price":32000,"taxId":"ppn"}]}</pre>
 */
public final class CatalogImport {

    static final int MAX_RATE_BP = 10_000;
    static final long MAX_ROUNDING = 1_000_000;
    static final int MAX_STATION = 64;
    static final int MAX_SCREEN_SECONDS = 86_400;

    private CatalogImport() {
    }

    /** The settings HQ may set; null for one it leaves as it is. */
    record SettingsDocument(String storeName, Integer serviceChargeBp, Long roundingIncrement, String roundingMode,
                            Integer kdsAmberSeconds, Integer kdsRedSeconds) {
    }

    record CatalogDocument(List<TaxRate> taxes, List<Category> categories, List<ProductRequest> products) {
        CatalogDocument {
            taxes = taxes == null ? List.of() : taxes;
            categories = categories == null ? List.of() : categories;
            products = products == null ? List.of() : products;
        }
    }

    /** What an import changed. */
    public record Imported(int taxes, int categories, int products, boolean settings) {
    }

    /**
     * Checks {@code catalog} and {@code settings} (either may be null) and applies them; throws a
     * 422 {@link Problem} naming each bad field (e.g. {@code catalog.products[2].price}) and
     * changes nothing.
     */
    public static Imported apply(Handle handle, LedgerAppender ledger, JsonNode catalog, JsonNode settings, CurrentPriceList prices) {
        return apply(handle, ledger, catalog, settings, prices, null);
    }

    /** {@link #apply}, recording {@code provisionedHash} (when not null) as the configuration file's last applied. */
    static Imported apply(Handle handle, LedgerAppender ledger, JsonNode catalog, JsonNode settings, CurrentPriceList prices,
                          String provisionedHash) {
        CatalogDocument document = read(catalog, CatalogDocument.class, "catalog");
        SettingsDocument newSettings = settings == null || settings.isNull() ? null : read(settings, SettingsDocument.class, "settings");
        List<FieldError> errors = new ArrayList<>();
        checkTaxes(errors, document.taxes());
        checkCategories(errors, document.categories());
        if (newSettings != null) {
            checkSettings(errors, newSettings, CatalogStore.settings(handle));
        }
        Set<String> taxIds = union(CatalogStore.taxes(handle).stream().map(TaxRate::id), document.taxes().stream().map(TaxRate::id));
        Set<String> categoryIds = union(CatalogStore.categories(handle).stream().map(Category::id),
                document.categories().stream().map(Category::id));
        List<Product> products = new ArrayList<>();
        Set<String> productIds = new HashSet<>();
        for (int i = 0; i < document.products().size(); i++) {
            ProductRequest request = document.products().get(i);
            String at = "catalog.products[" + i + "]";
            if (request == null || request.id() == null || !productIds.add(request.id())) {
                errors.add(new FieldError(at + ".id", "is required, once per product"));
                continue;
            }
            try {
                products.add(request.toProduct(request.id(), taxIds, categoryIds));
            } catch (Problem refused) {
                refused.errors().forEach(error -> errors.add(new FieldError(at + "." + error.field(), error.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        prices.forget();
        importedRows(handle, newSettings, document.taxes(), document.categories(), products, provisionedHash);
        products.forEach(product -> CatalogWrites.startStockIfTracked(handle, product));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("settings", newSettings);
        entry.put("taxes", document.taxes());
        entry.put("categories", document.categories());
        entry.put("products", products);
        if (provisionedHash != null) {
            entry.put("provisionedHash", provisionedHash);
        }
        ledger.append("catalog.imported", entry);
        return new Imported(document.taxes().size(), document.categories().size(), products.size(), newSettings != null);
    }

    /**
     * The errors {@link #apply} would give for {@code catalog}'s taxes and categories and for
     * {@code settings}, without a store to hold them against (a provisioning file, before the box
     * runs): kitchen-screen times are held against the defaults.
     */
    public static List<FieldError> check(JsonNode catalog, JsonNode settings) {
        List<FieldError> errors = new ArrayList<>();
        try {
            CatalogDocument document = read(catalog, CatalogDocument.class, "catalog");
            checkTaxes(errors, document.taxes());
            checkCategories(errors, document.categories());
            if (settings != null && !settings.isNull()) {
                checkSettings(errors, read(settings, SettingsDocument.class, "settings"), new StoreSettings("", "", "", 0, 1,
                        StoreSettings.RoundingRule.HALF_UP, StoreSettings.KDS_AMBER_SECONDS, StoreSettings.KDS_RED_SECONDS));
            }
        } catch (Problem refused) {
            errors.addAll(refused.errors());
        }
        return errors;
    }

    private static <T> T read(JsonNode node, Class<T> type, String field) {
        if (node == null || node.isNull()) {
            return Json.MAPPER.convertValue(Map.of(), type);
        }
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw Problem.invalid(field, "is not a " + field + " document: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(field, "is not a " + field + " document: " + e.getMessage());
        }
    }

    private static void checkTaxes(List<FieldError> errors, List<TaxRate> taxes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < taxes.size(); i++) {
            TaxRate tax = taxes.get(i);
            String at = "catalog.taxes[" + i + "]";
            if (tax == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            checkIdAndName(errors, at, tax.id(), tax.name(), seen);
            if (tax.rateBp() < 0 || tax.rateBp() > MAX_RATE_BP) {
                errors.add(new FieldError(at + ".rateBp", "must be between 0 and " + MAX_RATE_BP + " basis points"));
            }
        }
    }

    private static void checkCategories(List<FieldError> errors, List<Category> categories) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            Category category = categories.get(i);
            String at = "catalog.categories[" + i + "]";
            if (category == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            checkIdAndName(errors, at, category.id(), category.name(), seen);
            if (category.station() != null && category.station().length() > MAX_STATION) {
                errors.add(new FieldError(at + ".station", "must be at most " + MAX_STATION + " characters"));
            }
        }
    }

    private static void checkIdAndName(List<FieldError> errors, String at, String id, String name, Set<String> seen) {
        if (id == null || !ProductRequest.ID.matcher(id).matches() || !seen.add(id)) {
            errors.add(new FieldError(at + ".id", "must be a unique id of 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (name == null || name.isBlank() || name.length() > ProductRequest.MAX_NAME) {
            errors.add(new FieldError(at + ".name", "is required (at most " + ProductRequest.MAX_NAME + " characters)"));
        }
    }

    private static void checkSettings(List<FieldError> errors, SettingsDocument settings, StoreSettings held) {
        String name = settings.storeName();
        if (name != null && (name.isBlank() || name.length() > ProductRequest.MAX_NAME)) {
            errors.add(new FieldError("settings.storeName", "must not be blank (at most " + ProductRequest.MAX_NAME + " characters)"));
        }
        Integer charge = settings.serviceChargeBp();
        if (charge != null && (charge < 0 || charge > MAX_RATE_BP)) {
            errors.add(new FieldError("settings.serviceChargeBp", "must be between 0 and " + MAX_RATE_BP + " basis points"));
        }
        Long increment = settings.roundingIncrement();
        if (increment != null && (increment < 1 || increment > MAX_ROUNDING)) {
            errors.add(new FieldError("settings.roundingIncrement", "must be between 1 and " + MAX_ROUNDING));
        }
        String mode = settings.roundingMode();
        if (mode != null && Arrays.stream(StoreSettings.RoundingRule.values()).noneMatch(rule -> rule.name().equals(mode))) {
            errors.add(new FieldError("settings.roundingMode", "must be HALF_UP, DOWN or UP"));
        }
        checkScreenTimes(errors, settings, held);
    }

    private static void checkScreenTimes(List<FieldError> errors, SettingsDocument settings, StoreSettings held) {
        Integer amber = settings.kdsAmberSeconds();
        Integer red = settings.kdsRedSeconds();
        boolean amberFits = amber == null || amber >= 1 && amber <= MAX_SCREEN_SECONDS;
        boolean redFits = red == null || red >= 1 && red <= MAX_SCREEN_SECONDS;
        if (!amberFits) {
            errors.add(new FieldError("settings.kdsAmberSeconds", "must be from 1 to " + MAX_SCREEN_SECONDS + " seconds"));
        }
        if (!redFits) {
            errors.add(new FieldError("settings.kdsRedSeconds", "must be from 1 to " + MAX_SCREEN_SECONDS + " seconds"));
        }
        int amberThen = amber == null ? held.kdsAmberSeconds() : amber;
        int redThen = red == null ? held.kdsRedSeconds() : red;
        if (amberFits && redFits && redThen <= amberThen) {
            errors.add(new FieldError(red != null ? "settings.kdsRedSeconds" : "settings.kdsAmberSeconds",
                    "red must come after amber: amber at " + amberThen + " s, red at " + redThen + " s"));
        }
    }

    private static Set<String> union(Stream<String> held, Stream<String> added) {
        return Stream.concat(held, added).collect(Collectors.toSet());
    }

    private static void writeSettings(Handle handle, SettingsDocument settings) {
        handle.createUpdate("""
                        UPDATE store_settings SET
                            store_name = COALESCE(:storeName, store_name),
                            service_charge_bp = COALESCE(:serviceChargeBp, service_charge_bp),
                            rounding_increment = COALESCE(:roundingIncrement, rounding_increment),
                            rounding_mode = COALESCE(:roundingMode, rounding_mode),
                            kds_amber_seconds = COALESCE(:kdsAmberSeconds, kds_amber_seconds),
                            kds_red_seconds = COALESCE(:kdsRedSeconds, kds_red_seconds)""")
                .bind("storeName", settings.storeName())
                .bind("serviceChargeBp", settings.serviceChargeBp())
                .bind("roundingIncrement", settings.roundingIncrement())
                .bind("roundingMode", settings.roundingMode())
                .bind("kdsAmberSeconds", settings.kdsAmberSeconds())
                .bind("kdsRedSeconds", settings.kdsRedSeconds())
                .execute();
    }

    /**
     * The rows of a {@code catalog.imported} entry but stock levels: the settings given ({@code settings}
     * null: none), the taxes, categories and products listed, the next catalog version, and the
     * configuration file's hash when it came from there.
     */
    static void importedRows(Handle handle, SettingsDocument settings, List<TaxRate> taxes, List<Category> categories,
                             List<Product> products, String provisionedHash) {
        if (settings != null) {
            writeSettings(handle, settings);
        }
        writeTaxesAndCategories(handle, taxes, categories);
        for (Product product : products) {
            CatalogWrites.replaceProductRows(handle, product);
        }
        CatalogWrites.nextVersion(handle);
        if (provisionedHash != null) {
            handle.createUpdate("UPDATE store_settings SET provisioned_hash = :hash").bind("hash", provisionedHash).execute();
        }
    }

    private static void writeTaxesAndCategories(Handle handle, List<TaxRate> taxes, List<Category> categories) {
        for (TaxRate tax : taxes) {
            handle.createUpdate("MERGE INTO tax_rates (id, name, rate_bp, inclusive) KEY (id) VALUES (:id, :name, :rateBp, :inclusive)")
                    .bindMethods(tax)
                    .execute();
        }
        int first = handle.createQuery("SELECT COALESCE(MAX(position) + 1, 0) FROM categories").mapTo(Integer.class).one();
        for (Category category : categories) {
            int position = handle.createQuery("SELECT position FROM categories WHERE id = :id").bind("id", category.id())
                    .mapTo(Integer.class).findOne().orElse(first++);
            handle.createUpdate("MERGE INTO categories (id, name, station, position) KEY (id) VALUES (:id, :name, :station, :position)")
                    .bindMethods(category)
                    .bind("position", position)
                    .execute();
        }
    }
}
