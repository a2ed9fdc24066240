package backroom.edge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SharedBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A line's unit price is the product's price plus its variant's delta plus its modifiers' prices
 * (docs/openapi.yaml, SaleLine). A variant's delta may be negative but not below {@code -price},
 * a modifier's price not below 0: no line can be priced below 0, and one can be priced at 0.
 */
class VariantPriceTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();
    static Api api;

    @BeforeAll
    static void connect() {
        api = box.api();
    }

    @Test
    void aVariantThatWouldMakeThePriceNegativeIsRefusedNamingItAndWritesNothing() {
        JsonNode before = api.get("/api/v1/catalog").body();
        long head = box.headSeq();

        Reply reply = api.put("/api/v1/catalog/products/tasting-cup", tastingCup(10_000, -10_001));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.field("title")).isEqualTo("Invalid request");
        assertThat(reply.field("detail")).isEqualTo("variants[1].priceDelta: would make the variant's price negative");
        assertThat(Problems.errors(reply)).containsExactly("variants[1].priceDelta: would make the variant's price negative");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(api.get("/api/v1/catalog").body()).isEqualTo(before);
    }

    @Test
    void aProductReplacedWithAVariantBelowItsPriceKeepsItsOldVariants() {
        JsonNode before = api.get("/api/v1/catalog").body();
        long head = box.headSeq();

        // The latte is 25,000; a variant of -25,001 would sell it at -1.
        Reply reply = api.put("/api/v1/catalog/products/coffee-latte", Map.of("name", "Latte", "price", 25_000, "taxId", "ppn-10",
                "variants", List.of(Map.of("id", "regular", "name", "Regular", "priceDelta", 0),
                        Map.of("id", "large", "name", "Large", "priceDelta", 0),
                        Map.of("id", "free-for-all", "name", "Below cost", "priceDelta", -25_001))));

        assertThat(Problems.errors(reply)).containsExactly("variants[2].priceDelta: would make the variant's price negative");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(api.get("/api/v1/catalog").body()).isEqualTo(before);
        assertThat(CatalogApiTest.product(before, "coffee-latte").path("variants").findValuesAsText("id")).containsExactly("regular", "large");
    }

    @Test
    void aProductPricedAtZeroTakesNoVariantBelowZero() {
        long head = box.headSeq();

        Reply reply = api.put("/api/v1/catalog/products/free-water", Map.of("name", "Water", "price", 0,
                "variants", List.of(Map.of("id", "still", "name", "Still", "priceDelta", -1))));

        assertThat(Problems.errors(reply)).containsExactly("variants[0].priceDelta: would make the variant's price negative");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(CatalogApiTest.productIds(api.get("/api/v1/catalog").body())).doesNotContain("free-water");
    }

    @Test
    void aModifierBelowZeroIsRefusedNamingItAndWritesNothing() {
        long head = box.headSeq();

        Reply reply = api.put("/api/v1/catalog/products/tasting-cup", Map.of("name", "Tasting cup", "price", 10_000,
                "modifiers", List.of(Map.of("id", "sugar", "name", "Sugar", "price", 0),
                        Map.of("id", "discount", "name", "Discount", "price", -1))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(Problems.errors(reply)).containsExactly("modifiers[1].price: is out of range");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aVariantOfExactlyMinusThePriceIsFreeAndSellsAtZero() {
        Reply put = api.put("/api/v1/catalog/products/sample-cup", tastingCup(10_000, -10_000));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().path("variants").findValuesAsText("id")).containsExactly("full", "sample");
        assertThat(put.body().path("variants").findValuesAsText("priceDelta")).containsExactly("0", "-10000");

        String shift = api.openShift("samples");
        Reply sale = api.ringSale(Sales.sale("samples", shift,
                List.of(Sales.item("sample-cup", "full", 1, List.of()), Sales.item("sample-cup", "sample", 2, List.of())),
                List.of(Sales.payment("cash", 20_000))));

        assertThat(sale.status()).isEqualTo(201);
        JsonNode lines = api.get("/api/v1/sales/" + sale.field("saleId")).body().path("lines");
        assertThat(lines.get(0).path("unitPrice").asLong()).isEqualTo(10_000);
        assertThat(lines.get(1).path("unitPrice").asLong()).isEqualTo(0);
        assertThat(lines.get(1).path("lineTotal").asLong()).isEqualTo(0);
        // 10,000 + 10% tax 1,000 + 5% service 500 = 11,500, already a multiple of 100.
        assertThat(sale.number("subtotal")).isEqualTo(10_000);
        assertThat(sale.number("taxTotal")).isEqualTo(1_000);
        assertThat(sale.number("serviceCharge")).isEqualTo(500);
        assertThat(sale.number("grandTotal")).isEqualTo(11_500);
        assertThat(sale.number("change")).isEqualTo(8_500);
    }

    @Test
    void aProductPricedAtZeroSellsAtZero() {
        assertThat(api.put("/api/v1/catalog/products/tap-water", Map.of("name", "Tap water", "price", 0, "taxId", "ppn-10",
                "variants", List.of(Map.of("id", "glass", "name", "Glass", "priceDelta", 0)))).status()).isEqualTo(200);

        String shift = api.openShift("water");
        Reply sale = api.ringSale(Sales.sale("water", shift, List.of(Sales.item("tap-water", "glass", 3, List.of())),
                List.of(Sales.payment("cash", 1_000))));

        assertThat(sale.status()).isEqualTo(201);
        JsonNode line = api.get("/api/v1/sales/" + sale.field("saleId")).body().path("lines").get(0);
        assertThat(line.path("unitPrice").asLong()).isEqualTo(0);
        assertThat(line.path("quantity").asInt()).isEqualTo(3);
        assertThat(line.path("lineTotal").asLong()).isEqualTo(0);
        assertThat(sale.number("grandTotal")).isEqualTo(0);
        assertThat(sale.number("change")).isEqualTo(1_000);
    }

    private static Map<String, Object> tastingCup(long price, long sampleDelta) {
        return Map.of("name", "Tasting cup", "price", price, "taxId", "ppn-10", "categoryId", "coffee",
                "variants", List.of(Map.of("id", "full", "name", "Full cup", "priceDelta", 0),
                        Map.of("id", "sample", "name", "Sample", "priceDelta", sampleDelta)));
    }
}
