package backroom.edge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.SharedBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo coffee shop a new box starts with (README: IDR, 10% tax added, 5% service charge, totals rounded to 100). */
class DemoCatalogTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Written out whole: every setting, tax, category and product field, in the catalog's order. */
    private static final String DEMO = """
            {"version": 1, "currency": "IDR",
             "settings": {"storeId": "demo-store", "storeName": "Backroom Demo Coffee", "currency": "IDR",
                          "serviceChargeBp": 500, "roundingIncrement": 100, "roundingMode": "HALF_UP",
                          "kdsAmberSeconds": 300, "kdsRedSeconds": 600},
             "taxes": [{"id": "ppn-10", "name": "Tax 10%", "rateBp": 1000, "inclusive": false},
                       {"id": "ppn-11-incl", "name": "Tax 11% (included)", "rateBp": 1100, "inclusive": true}],
             "categories": [{"id": "coffee", "name": "Coffee", "station": "bar"}, {"id": "tea", "name": "Tea", "station": "bar"},
                            {"id": "food", "name": "Food", "station": "pastry"}, {"id": "retail", "name": "Retail", "station": null}],
             "products": [
               {"id": "coffee-latte", "sku": "COFFEE-LATTE", "barcode": null, "name": "Latte", "categoryId": "coffee",
                "price": 25000, "taxId": "ppn-10", "trackStock": false, "station": "bar",
                "variants": [{"id": "regular", "name": "Regular", "priceDelta": 0}, {"id": "large", "name": "Large", "priceDelta": 0}],
                "modifiers": [{"id": "extra-shot", "name": "Extra shot", "price": 5000}, {"id": "oat-milk", "name": "Oat milk", "price": 7000},
                              {"id": "vanilla-syrup", "name": "Vanilla syrup", "price": 4000}],
                "stockOnHand": null},
               {"id": "coffee-americano", "sku": "COFFEE-AMERICANO", "barcode": null, "name": "Americano", "categoryId": "coffee",
                "price": 20000, "taxId": "ppn-10", "trackStock": false, "station": "bar",
                "variants": [{"id": "regular", "name": "Regular", "priceDelta": 0}, {"id": "large", "name": "Large", "priceDelta": 0}],
                "modifiers": [{"id": "extra-shot", "name": "Extra shot", "price": 5000}, {"id": "oat-milk", "name": "Oat milk", "price": 7000},
                              {"id": "vanilla-syrup", "name": "Vanilla syrup", "price": 4000}],
                "stockOnHand": null},
               {"id": "coffee-cappuccino", "sku": "COFFEE-CAPPUCCINO", "barcode": null, "name": "Cappuccino", "categoryId": "coffee",
                "price": 27000, "taxId": "ppn-10", "trackStock": false, "station": "bar",
                "variants": [{"id": "regular", "name": "Regular", "priceDelta": 0}, {"id": "large", "name": "Large", "priceDelta": 0}],
                "modifiers": [{"id": "extra-shot", "name": "Extra shot", "price": 5000}, {"id": "oat-milk", "name": "Oat milk", "price": 7000},
                              {"id": "vanilla-syrup", "name": "Vanilla syrup", "price": 4000}],
                "stockOnHand": null},
               {"id": "tea-jasmine", "sku": "TEA-JASMINE", "barcode": null, "name": "Jasmine tea", "categoryId": "tea",
                "price": 18000, "taxId": "ppn-10", "trackStock": false, "station": "bar",
                "variants": [{"id": "hot", "name": "Hot", "priceDelta": 0}, {"id": "iced", "name": "Iced", "priceDelta": 2000}],
                "modifiers": [], "stockOnHand": null},
               {"id": "food-croissant", "sku": "FOOD-CROISSANT", "barcode": null, "name": "Butter croissant", "categoryId": "food",
                "price": 22000, "taxId": "ppn-10", "trackStock": true, "station": "pastry",
                "variants": [], "modifiers": [], "stockOnHand": 12},
               {"id": "food-banana-bread", "sku": "FOOD-BANANA-BREAD", "barcode": null, "name": "Banana bread", "categoryId": "food",
                "price": 19000, "taxId": "ppn-10", "trackStock": true, "station": "pastry",
                "variants": [], "modifiers": [], "stockOnHand": 8},
               {"id": "retail-beans-250", "sku": "BEANS-250", "barcode": "8991234567890", "name": "House blend beans 250 g",
                "categoryId": "retail", "price": 95000, "taxId": "ppn-11-incl", "trackStock": true, "station": null,
                "variants": [], "modifiers": [], "stockOnHand": 20}]}
            """;

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    @Test
    void aNewBoxServesTheDemoCoffeeShopWholeAtVersionOne() {
        assertThat(box.api().get("/api/v1/catalog").body()).isEqualTo(json(DEMO));
    }

    @Test
    void theSeedIsOneLedgerEntryHoldingTheWholeDemoCatalog() {
        List<JsonNode> seeded = box.box().box().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT payload FROM ledger WHERE type = 'catalog.seeded'")
                .map((rs, ctx) -> json(rs.getString("payload"))).list());

        ObjectNode expected = (ObjectNode) json(DEMO);
        expected.remove(List.of("version", "currency"));
        assertThat(seeded).containsExactly(expected);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
