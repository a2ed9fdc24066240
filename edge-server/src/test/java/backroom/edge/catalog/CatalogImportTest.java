package backroom.edge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.testing.TestBox;
import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HQ's catalog document, checked whole before any of it is applied, and applied in one write. */
class CatalogImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestBox box;

    @BeforeEach
    void start() {
        box = TestBox.start();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aDocumentIsAppliedWholeKeepingStockAndTheStoresIdAndCurrency() {
        assertThat(box.api().put("/api/v1/catalog/products/cookie", Map.of("name", "Cookie", "price", 10_000, "trackStock", true))
                .status()).isEqualTo(200);
        assertThat(box.api().post("/api/v1/stock/cookie/adjustments", Map.of("delta", 7, "reason", "count")).status()).isEqualTo(200);
        long versionBefore = catalog().path("version").asLong();

        CatalogImport.Imported imported = importing(Map.of(
                "taxes", List.of(Map.of("id", "ppn-12", "name", "PPN 12%", "rateBp", 1200, "inclusive", false)),
                "categories", List.of(Map.of("id", "tea", "name", "Tea")),
                "products", List.of(
                        Map.of("id", "teh", "name", "Teh", "categoryId", "tea", "price", 12_000, "taxId", "ppn-12"),
                        Map.of("id", "coffee-latte", "name", "Latte (HQ)", "price", 33_000, "trackStock", true),
                        Map.of("id", "cookie", "name", "Cookie (HQ)", "price", 11_000, "trackStock", true))),
                Map.of("storeName", "Kopi HQ", "serviceChargeBp", 250, "roundingIncrement", 500, "roundingMode", "DOWN"));

        assertThat(imported).isEqualTo(new CatalogImport.Imported(1, 1, 3, true));
        JsonNode catalog = catalog();
        assertThat(catalog.path("version").asLong()).isEqualTo(versionBefore + 1);
        JsonNode settings = catalog.path("settings");
        assertThat(List.of(settings.path("storeName").asText(), settings.path("serviceChargeBp").asText(),
                settings.path("roundingIncrement").asText(), settings.path("roundingMode").asText(), settings.path("storeId").asText(),
                settings.path("currency").asText()))
                .containsExactly("Kopi HQ", "250", "500", "DOWN", "demo-store", "IDR");
        JsonNode latte = product(catalog, "coffee-latte");
        assertThat(latte.path("name").asText()).isEqualTo("Latte (HQ)");
        assertThat(latte.path("price").asLong()).isEqualTo(33_000);
        assertThat(latte.path("stockOnHand").asLong()).as("tracked from now on, from nothing").isZero();
        assertThat(product(catalog, "cookie").path("stockOnHand").asLong()).as("stock is counted at the store, not sent by HQ").isEqualTo(7);
        assertThat(box.verifyChain().intact()).isTrue();
        assertThat(product(catalog, "teh").path("taxId").asText()).isEqualTo("ppn-12");
        assertThat(catalog.path("taxes").findValuesAsText("id")).contains("ppn-12");
    }

    @Test
    void aDocumentWithAnyBadFieldIsRefusedNamingEachAndChangesNothing() {
        JsonNode before = catalog();
        long head = box.headSeq();

        assertThatThrownBy(() -> importing(Map.of(
                "taxes", List.of(Map.of("id", "t1", "name", "Too much", "rateBp", 10_001, "inclusive", false),
                        Map.of("id", "t1", "name", " ", "rateBp", -1, "inclusive", true)),
                "categories", List.of(Map.of("id", "bad id!", "name", "x".repeat(201), "station", "s".repeat(65))),
                "products", List.of(
                        Map.of("id", "p1", "name", "Negative", "price", -1),
                        Map.of("id", "p2", "name", "Variant below zero", "price", 1_000,
                                "variants", List.of(Map.of("id", "small", "name", "Small", "priceDelta", -1_001))),
                        Map.of("id", "p3", "name", "Unknown tax", "price", 1_000, "taxId", "nope"),
                        Map.of("id", "p3", "name", "Twice", "price", 1_000))),
                Map.of("storeName", " ", "serviceChargeBp", 10_001, "roundingIncrement", 0, "roundingMode", "SIDEWAYS")))
                .isInstanceOf(Problem.class)
                .satisfies(refused -> assertThat(((Problem) refused).errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                        "catalog.taxes[0].rateBp", "catalog.taxes[1].id", "catalog.taxes[1].name", "catalog.taxes[1].rateBp",
                        "catalog.categories[0].id", "catalog.categories[0].name", "catalog.categories[0].station",
                        "catalog.products[0].price", "catalog.products[1].variants[0].priceDelta", "catalog.products[2].taxId",
                        "catalog.products[3].id",
                        "settings.storeName", "settings.serviceChargeBp", "settings.roundingIncrement", "settings.roundingMode"));

        assertThat(catalog()).isEqualTo(before);
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        importing(Map.of(
                        "taxes", List.of(Map.of("id", "all", "name", "All", "rateBp", 10_000, "inclusive", true),
                                Map.of("id", "none", "name", "None", "rateBp", 0, "inclusive", false)),
                        "categories", List.of(Map.of("id", "zz-last", "name", "c".repeat(200), "station", "s".repeat(64)),
                                Map.of("id", "aa-after-it", "name", "A")),
                        "products", List.of(Map.of("id", "free", "name", "Free", "price", 0,
                                "variants", List.of(Map.of("id", "same", "name", "Same", "priceDelta", 0))))),
                Map.of("storeName", "n".repeat(200), "serviceChargeBp", 10_000, "roundingIncrement", 1_000_000));
        importing(Map.of(), Map.of("serviceChargeBp", 0, "roundingIncrement", 1));

        List<String> categories = catalog().path("categories").findValuesAsText("id");
        assertThat(categories.subList(categories.size() - 2, categories.size())).as("new ones after the store's own, in the document's order")
                .containsExactly("zz-last", "aa-after-it");
        JsonNode last = catalog().path("categories").get(categories.size() - 2);
        assertThat(last.path("station").asText()).isEqualTo("s".repeat(64));
        assertThat(catalog().path("categories").get(categories.size() - 1).path("station").isNull()).as("none given").isTrue();
        JsonNode settings = catalog().path("settings");
        assertThat(settings.path("serviceChargeBp").asInt()).isZero();
        assertThat(settings.path("roundingIncrement").asLong()).isEqualTo(1);
        assertThat(settings.path("storeName").asText()).as("left out, left as it was").isEqualTo("n".repeat(200));
    }

    @Test
    void theKitchenScreensTimesAreStoreSettingsRedAlwaysAfterAmber() {
        JsonNode seeded = catalog().path("settings");
        assertThat(List.of(seeded.path("kdsAmberSeconds").asInt(), seeded.path("kdsRedSeconds").asInt())).containsExactly(300, 600);

        importing(Map.of(), Map.of("kdsAmberSeconds", 1, "kdsRedSeconds", 2));
        importing(Map.of(), Map.of("kdsRedSeconds", 86_400));
        JsonNode settings = catalog().path("settings");
        assertThat(List.of(settings.path("kdsAmberSeconds").asInt(), settings.path("kdsRedSeconds").asInt()))
                .as("one left out stays as it was").containsExactly(1, 86_400);

        long head = box.headSeq();
        assertThat(refusedFields(Map.of("kdsAmberSeconds", 0, "kdsRedSeconds", 86_401)))
                .containsExactly("settings.kdsAmberSeconds", "settings.kdsRedSeconds");
        assertThat(refusedFields(Map.of("kdsAmberSeconds", 600, "kdsRedSeconds", 600))).containsExactly("settings.kdsRedSeconds");
        assertThat(refused(Map.of("kdsAmberSeconds", 86_400))).as("after the red the store has")
                .containsExactly("settings.kdsAmberSeconds: red must come after amber: amber at 86400 s, red at 86400 s");
        assertThat(refused(Map.of("kdsRedSeconds", 1))).as("before the amber the store has")
                .containsExactly("settings.kdsRedSeconds: red must come after amber: amber at 1 s, red at 1 s");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(catalog().path("settings")).isEqualTo(settings);
    }

    private List<String> refusedFields(Map<String, Object> settings) {
        return refused(settings).stream().map(error -> error.substring(0, error.indexOf(':'))).toList();
    }

    /** Each refused field with its message, {@code field: message}. */
    private List<String> refused(Map<String, Object> settings) {
        try {
            importing(Map.of(), settings);
        } catch (Problem refused) {
            return refused.errors().stream().map(error -> error.field() + ": " + error.message()).toList();
        }
        throw new AssertionError("accepted: " + settings);
    }

    @Test
    void aDocumentThatIsNotOneIsRefusedNamingItsPart() {
        assertThatThrownBy(() -> box.box().database().writer().submit((handle, ledger) -> CatalogImport.apply(handle, ledger,
                JSON.valueToTree(Map.of("products", "not a list")), null, new CurrentPriceList())))
                .isInstanceOf(Problem.class)
                .satisfies(refused -> assertThat(((Problem) refused).errors()).extracting(FieldError::field).containsExactly("catalog"));
    }

    private CatalogImport.Imported importing(Map<String, Object> catalog, Map<String, Object> settings) {
        return box.box().database().writer().submit((handle, ledger) -> CatalogImport.apply(handle, ledger, JSON.valueToTree(catalog),
                JSON.valueToTree(settings), new CurrentPriceList()));
    }

    private JsonNode catalog() {
        return box.api().get("/api/v1/catalog").body();
    }

    private static JsonNode product(JsonNode catalog, String id) {
        for (JsonNode product : catalog.path("products")) {
            if (product.path("id").asText().equals(id)) {
                return product;
            }
        }
        throw new AssertionError("no product " + id);
    }
}
