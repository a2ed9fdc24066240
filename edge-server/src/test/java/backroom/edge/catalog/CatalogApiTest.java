package backroom.edge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SharedBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogApiTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static Api api;

    @BeforeAll
    static void connect() {
        api = box.api();
    }

    @Test
    void aProductCanBeAddedAndSoldAtOnce() {
        long version = api.get("/api/v1/catalog").number("version");
        Reply put = api.put("/api/v1/catalog/products/matcha-latte", Map.of("name", "Matcha latte", "price", 30_000,
                "taxId", "ppn-10", "categoryId", "tea",
                "variants", List.of(Map.of("id", "iced", "name", "Iced", "priceDelta", 3_000))));
        assertThat(put.status()).isEqualTo(200);

        String shift = api.openShift("matcha");
        Reply sale = api.ringSale(Sales.sale("matcha", shift, List.of(Sales.item("matcha-latte", "iced", 1, List.of())),
                List.of(Sales.payment("cash", 50_000))));

        assertThat(sale.number("subtotal")).isEqualTo(33_000);
        assertThat(sale.number("taxTotal")).isEqualTo(3_300);
        assertThat(sale.number("serviceCharge")).isEqualTo(1_650);
        assertThat(sale.number("grandTotal")).isEqualTo(38_000);
        assertThat(sale.number("rounding")).isEqualTo(50);
        assertThat(api.get("/api/v1/catalog").number("version")).isEqualTo(version + 1);
    }

    @Test
    void aBadProductIsRefusedNamingTheFieldAndWritesNothing() {
        long head = box.headSeq();

        Reply reply = api.put("/api/v1/catalog/products/bad", Map.of("name", "", "price", -1, "taxId", "vat-99"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(Problems.errors(reply)).containsExactly(
                "name: is required (at most 200 characters)", "price: must be between 0 and 1000000000000", "taxId: no tax rate vat-99");
        Reply wrongType = api.put("/api/v1/catalog/products/bad", Map.of("name", "x", "price", "free"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.problemFields()).containsExactly("price");
        Reply huge = api.put("/api/v1/catalog/products/bad", Map.of("name", "x", "price", 1_000,
                "variants", List.of(Map.of("id", "v", "name", "V", "priceDelta", Long.MAX_VALUE))));
        assertThat(Problems.errors(huge)).containsExactly("variants[0].priceDelta: is out of range");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void textsWiderThanTheirColumnsAreRefusedAs422NotADatabaseError() {
        long head = box.headSeq();
        String wide = "x".repeat(65);

        Reply reply = api.put("/api/v1/catalog/products/wide", Map.of("name", "Wide", "price", 1_000,
                "sku", wide, "barcode", wide, "station", wide,
                "variants", List.of(Map.of("id", "v", "name", "n".repeat(201), "priceDelta", 0)),
                "modifiers", List.of(Map.of("id", "m", "name", "n".repeat(201), "price", 0))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(Problems.errors(reply)).containsExactly("sku: is at most 64 characters", "barcode: is at most 64 characters",
                "station: is at most 64 characters", "variants[0].name: is required (at most 200 characters)",
                "modifiers[0].name: is required (at most 200 characters)");
        assertThat(box.headSeq()).isEqualTo(head);
        String fits = "x".repeat(64);
        assertThat(api.put("/api/v1/catalog/products/wide", Map.of("name", "Wide", "price", 1_000,
                "sku", fits, "barcode", fits, "station", fits)).status()).isEqualTo(200);
    }

    @Test
    void aReplacedProductKeepsItsPlaceAndANewOneGoesLast() {
        List<String> before = productIds(api.get("/api/v1/catalog").body());
        assertThat(before.get(1)).isEqualTo("coffee-americano");

        assertThat(api.put("/api/v1/catalog/products/coffee-americano", Map.of("name", "Long black", "price", 21_000)).status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/catalog/products/aa-first-by-name", Map.of("name", "Added", "price", 1_000)).status())
                .isEqualTo(200);

        List<String> after = productIds(api.get("/api/v1/catalog").body());
        List<String> expected = new ArrayList<>(before);
        expected.add("aa-first-by-name");
        assertThat(after).isEqualTo(expected);
        JsonNode americano = product(api.get("/api/v1/catalog").body(), "coffee-americano");
        assertThat(americano.path("name").asText()).isEqualTo("Long black");
        assertThat(americano.path("price").asLong()).isEqualTo(21_000);
    }

    @Test
    void aProductStartsTrackingStockAtZeroWhateverTheBodySaysAndKeepsItsLevelWhenReplaced() {
        Map<String, Object> scone = new HashMap<>(Map.of("name", "Scone", "price", 15_000, "trackStock", true, "stockOnHand", 50,
                "variants", List.of(Map.of("id", "plain", "name", "Plain", "priceDelta", 0),
                        Map.of("id", "cheese", "name", "Cheese", "priceDelta", 2_000)),
                "modifiers", List.of(Map.of("id", "jam", "name", "Jam", "price", 1_000))));

        Reply created = api.put("/api/v1/catalog/products/scone", scone);
        assertThat(created.body().path("trackStock").asBoolean()).isTrue();
        assertThat(created.body().path("stockOnHand").isIntegralNumber()).isTrue();
        assertThat(created.number("stockOnHand")).isEqualTo(0);
        assertThat(api.post("/api/v1/stock/scone/adjustments", Map.of("delta", 7, "reason", "delivery")).status()).isEqualTo(200);

        scone.put("price", 16_000);
        scone.put("variants", List.of(Map.of("id", "fruit", "name", "Fruit", "priceDelta", 1_500)));
        scone.put("modifiers", List.of());
        Reply replaced = api.put("/api/v1/catalog/products/scone", scone);

        assertThat(replaced.number("stockOnHand")).isEqualTo(7);
        assertThat(replaced.number("price")).isEqualTo(16_000);
        assertThat(replaced.body().path("variants").findValuesAsText("id")).containsExactly("fruit");
        assertThat(replaced.body().path("modifiers").size()).isEqualTo(0);
        assertThat(product(api.get("/api/v1/catalog").body(), "scone")).isEqualTo(replaced.body());

        scone.put("trackStock", false);
        Reply untracked = api.put("/api/v1/catalog/products/scone", scone);
        assertThat(untracked.body().path("trackStock").asBoolean()).isFalse();
        assertThat(untracked.body().path("stockOnHand").isNull()).isTrue();
        assertThat(product(api.get("/api/v1/catalog").body(), "scone").path("stockOnHand").isNull()).isTrue();

        scone.put("trackStock", true);
        assertThat(api.put("/api/v1/catalog/products/scone", scone).number("stockOnHand")).isEqualTo(7);
    }

    @Test
    void eachChangeIsOneLedgerEntryHoldingTheProductAndOneMoreCatalogVersion() {
        long version = api.get("/api/v1/catalog").number("version");
        long head = box.headSeq();

        Reply put = api.put("/api/v1/catalog/products/bagel", Map.of("name", "Bagel", "price", 12_000, "taxId", "ppn-10",
                "categoryId", "food", "sku", "BGL", "barcode", "123", "station", "pastry",
                "variants", List.of(Map.of("id", "toasted", "name", "Toasted", "priceDelta", 500)),
                "modifiers", List.of(Map.of("id", "cream-cheese", "name", "Cream cheese", "price", 4_000))));

        JsonNode bagel = json("""
                {"id": "bagel", "sku": "BGL", "barcode": "123", "name": "Bagel", "categoryId": "food", "price": 12000,
                 "taxId": "ppn-10", "trackStock": false, "station": "pastry",
                 "variants": [{"id": "toasted", "name": "Toasted", "priceDelta": 500}],
                 "modifiers": [{"id": "cream-cheese", "name": "Cream cheese", "price": 4000}], "stockOnHand": null}""");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo(bagel);
        assertThat(product(api.get("/api/v1/catalog").body(), "bagel")).isEqualTo(bagel);
        assertThat(api.get("/api/v1/catalog").number("version")).isEqualTo(version + 1);
        assertThat(box.headSeq()).isEqualTo(head + 1);
        List<JsonNode> entries = box.box().box().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT type, payload FROM ledger WHERE seq > :head ORDER BY seq").bind("head", head)
                .map((rs, ctx) -> json("{\"type\": \"" + rs.getString("type") + "\", \"payload\": " + rs.getString("payload") + "}"))
                .list());
        assertThat(entries).containsExactly(json("{\"type\": \"catalog.product_upserted\", \"payload\": " + bagel + "}"));
    }

    @Test
    void aPriceChangeReachesTheVeryNextSale() {
        String shift = api.openShift("reprice");
        Reply before = api.ringSale(Sales.one("reprice", shift, "coffee-cappuccino", 31_100));
        // 27,000 + 2,700 tax + 1,350 service = 31,050, rounded half up to 31,100.
        assertThat(before.number("grandTotal")).isEqualTo(31_100);

        api.put("/api/v1/catalog/products/coffee-cappuccino", Map.of("name", "Cappuccino", "price", 30_000, "taxId", "ppn-10"));
        Reply after = api.ringSale(Sales.one("reprice", shift, "coffee-cappuccino", 34_500));

        // 30,000 + 3,000 tax + 1,500 service = 34,500.
        assertThat(after.status()).isEqualTo(201);
        assertThat(after.number("subtotal")).isEqualTo(30_000);
        assertThat(after.number("grandTotal")).isEqualTo(34_500);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The catalog's product ids in its order (not the ids of their variants and modifiers). */
    static List<String> productIds(JsonNode catalog) {
        List<String> ids = new ArrayList<>();
        catalog.path("products").forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }

    static JsonNode product(JsonNode catalog, String id) {
        for (JsonNode product : catalog.path("products")) {
            if (product.path("id").asText().equals(id)) {
                return product;
            }
        }
        throw new AssertionError("no product " + id);
    }
}
