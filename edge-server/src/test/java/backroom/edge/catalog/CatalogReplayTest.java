package backroom.edge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRebuild;
import backroom.edge.ledger.Sha256;
import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltBox;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The catalog's tables written again from its entries alone, as a box whose disk died is rebuilt from HQ's copy. */
class CatalogReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("store_settings", "tax_rates", "categories", "products", "product_variants",
            "product_modifiers");
    /** The store's settings and taxes as its configuration file gives them. */
    private static final ProvisionedStore FILE = new ProvisionedStore(
            JSON.valueToTree(Map.of("storeName", "Kopi Kemang", "serviceChargeBp", 750)),
            JSON.valueToTree(List.of(Map.of("id", "ppn-12", "name", "PPN 12%", "rateBp", 1200, "inclusive", false))));

    @Test
    void everyCatalogTableComesBackRowForRowAndTheConfigurationFileIsNotAppliedAgain() throws Exception {
        TestBox box = TestBox.start(config -> config.withProvisionedStore(FILE));
        Api api = box.api();
        upsert(api, "kopi-susu", Map.of("name", "Kopi susu", "sku", "KS-1", "barcode", "899100", "categoryId", "coffee",
                "price", 24_000, "taxId", "ppn-12", "trackStock", true, "station", "bar",
                "variants", List.of(variant("small", "Small", -2_000), variant("regular", "Regular", 0), variant("large", "Large", 4_000)),
                "modifiers", List.of(modifier("gula-aren", "Palm sugar", 3_000), modifier("oat-milk", "Oat milk", 7_000))));
        upsert(api, "coffee-latte", Map.of("name", "Latte (new recipe)", "categoryId", "coffee", "price", 26_000, "taxId", "ppn-10",
                "variants", List.of(variant("large", "Large", 5_000)), "modifiers", List.of()));
        upsert(api, "kopi-susu", Map.of("name", "Kopi susu gula aren", "categoryId", "tea", "price", 25_000,
                "variants", List.of(variant("regular", "Regular", 0)),
                "modifiers", List.of(modifier("oat-milk", "Oat milk", 8_000), modifier("extra-shot", "Extra shot", 5_000))));
        importing(box, Map.of(
                        "taxes", List.of(Map.of("id", "ppn-10", "name", "Tax 10% (HQ)", "rateBp", 1000, "inclusive", true),
                                Map.of("id", "pb1", "name", "PB1 10%", "rateBp", 1000, "inclusive", false)),
                        "categories", List.of(Map.of("id", "snacks", "name", "Snacks", "station", "pastry"),
                                Map.of("id", "tea", "name", "Teas", "station", "tea-bar")),
                        "products", List.of(
                                Map.of("id", "pisang-goreng", "name", "Pisang goreng", "categoryId", "snacks", "price", 15_000,
                                        "taxId", "pb1", "trackStock", true,
                                        "modifiers", List.of(modifier("keju", "Cheese", 4_000), modifier("coklat", "Chocolate", 3_000))),
                                Map.of("id", "kopi-susu", "name", "Kopi susu (HQ)", "categoryId", "coffee", "price", 27_000,
                                        "variants", List.of(variant("iced", "Iced", 2_000), variant("hot", "Hot", 0))))),
                Map.of("serviceChargeBp", 250, "roundingIncrement", 500, "roundingMode", "DOWN", "kdsAmberSeconds", 120));
        importing(box, Map.of("categories", List.of(Map.of("id", "retail", "name", "Beans and gear"))), null);
        importing(box, Map.of(), Map.of("storeName", "Kopi Kemang (HQ)", "kdsRedSeconds", 900));
        box.stop();

        Path rebuilt = RebuiltCopy.of(box.dataDir());
        try {
            for (String table : TABLES) {
                RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, table, Set.of());
            }
            assertThat(RebuiltCopy.rows(rebuilt, "store_settings", Set.of()).getFirst())
                    .as("HQ's settings over the file's, and the file's hash").containsEntry("service_charge_bp", "250")
                    .containsEntry("store_name", "Kopi Kemang (HQ)").containsEntry("provisioned_hash", FILE.hash());
            assertThat(RebuiltBox.auditIntact(rebuilt)).isTrue();

            long imports = count(rebuilt, "catalog.imported");
            try (Box started = RebuiltBox.start(rebuilt, config -> config.withProvisionedStore(FILE))) {
                assertThat(started.firstStart()).as("a technician PIN, the rebuilt staff having none").isPresent();
            }
            assertThat(count(rebuilt, "catalog.imported")).as("the same file, applied on the old box, is not applied again")
                    .isEqualTo(imports);
            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "store_settings", Set.of());
        } finally {
            TempFolders.delete(rebuilt);
            box.deleteData();
        }
    }

    @Test
    void aSeedWrittenBeforeTheKitchenScreensTimesGivesThemTheDefaultsTheColumnsTookThen() throws Exception {
        String payload = JSON.writeValueAsString(Map.of(
                "settings", Map.of("storeId", "s1", "storeName", "Old Store", "currency", "IDR", "serviceChargeBp", 0,
                        "roundingIncrement", 100, "roundingMode", "HALF_UP"),
                "taxes", List.of(Map.of("id", "t", "name", "Tax", "rateBp", 1000, "inclusive", false)),
                "categories", List.of(Map.of("id", "food", "name", "Food")),
                "products", List.of(Map.of("id", "nasi", "name", "Nasi", "categoryId", "food", "price", 10_000, "taxId", "t",
                        "trackStock", false, "variants", List.of(), "modifiers", List.of()))));
        Instant at = Instant.parse("2025-01-02T03:04:05.678Z");
        String hash = Sha256.hex(LedgerEntry.GENESIS_HASH + "\n1\ncatalog.seeded\n" + at.toEpochMilli() + "\n" + payload);
        Path folder = Files.createTempDirectory("backroom-old-seed");
        try {
            try (LedgerRebuild rebuild = LedgerRebuild.into(folder, List.of(new CatalogReplay()))) {
                rebuild.add(List.of(new LedgerEntry(1, "catalog.seeded", at, payload, LedgerEntry.GENESIS_HASH, hash)));
                rebuild.finish();
            }
            assertThat(RebuiltCopy.rows(folder, "store_settings", Set.of()).getFirst())
                    .containsEntry("kds_amber_seconds", "300").containsEntry("kds_red_seconds", "600")
                    .containsEntry("catalog_version", "1").containsEntry("provisioned_hash", null);
            assertThat(RebuiltCopy.rows(folder, "categories", Set.of())).singleElement()
                    .satisfies(food -> assertThat(food).containsEntry("id", "food").containsEntry("station", null));
            assertThat(RebuiltCopy.rows(folder, "products", Set.of())).singleElement()
                    .satisfies(nasi -> assertThat(nasi).containsEntry("price", "10000").containsEntry("position", "0"));
        } finally {
            TempFolders.delete(folder);
        }
    }

    private static void upsert(Api api, String productId, Map<String, Object> product) {
        Reply saved = api.put("/api/v1/catalog/products/" + productId, product);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private static void importing(TestBox box, Map<String, Object> catalog, Map<String, Object> settings) {
        box.box().database().writer().submit((handle, ledger) -> CatalogImport.apply(handle, ledger, JSON.valueToTree(catalog),
                settings == null ? null : JSON.valueToTree(settings), new CurrentPriceList()));
    }

    private static Map<String, Object> variant(String id, String name, long priceDelta) {
        return Map.of("id", id, "name", name, "priceDelta", priceDelta);
    }

    private static Map<String, Object> modifier(String id, String name, long price) {
        return Map.of("id", id, "name", name, "price", price);
    }

    private static long count(Path folder, String type) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(folder), "sa", "")) {
            return handle.createQuery("SELECT COUNT(*) FROM ledger WHERE type = :type").bind("type", type).mapTo(Long.class).one();
        }
    }
}
