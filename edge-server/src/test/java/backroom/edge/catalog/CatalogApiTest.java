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

class CatalogApiTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();
    static Api api;

    @BeforeAll
    static void connect() {
        api = box.api();
    }

    @Test
    void aNewBoxIsSeededWithTheDemoCoffeeShop() {
        JsonNode catalog = api.get("/api/v1/catalog").body();

        assertThat(catalog.path("currency").asText()).isEqualTo("IDR");
        assertThat(catalog.path("settings").path("serviceChargeBp").asInt()).isEqualTo(500);
        assertThat(catalog.path("taxes").findValuesAsText("id")).containsExactly("ppn-10", "ppn-11-incl");
        assertThat(catalog.path("categories").size()).isGreaterThanOrEqualTo(3);
        JsonNode latte = product(catalog, "coffee-latte");
        assertThat(latte.path("price").asLong()).isEqualTo(25_000);
        assertThat(latte.path("taxId").asText()).isEqualTo("ppn-10");
        assertThat(latte.path("variants").findValuesAsText("id")).contains("large");
        assertThat(latte.path("modifiers").get(0).path("id").asText()).isEqualTo("extra-shot");
        assertThat(latte.path("modifiers").get(0).path("price").asLong()).isEqualTo(5_000);
        assertThat(box.verifyChain().intact()).isTrue();
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
        assertThat(reply.problemFields()).containsExactlyInAnyOrder("name", "price", "taxId");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(api.put("/api/v1/catalog/products/bad", Map.of("name", "x", "price", "free")).problemFields()).containsExactly("price");
        Reply huge = api.put("/api/v1/catalog/products/bad", Map.of("name", "x", "price", 1_000,
                "variants", List.of(Map.of("id", "v", "name", "V", "priceDelta", Long.MAX_VALUE))));
        assertThat(huge.problemFields()).containsExactly("variants[0].priceDelta");
        assertThat(huge.body().path("errors").get(0).path("message").asText()).isEqualTo("is out of range");
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
        assertThat(reply.problemFields()).containsExactlyInAnyOrder("sku", "barcode", "station", "variants[0].name", "modifiers[0].name");
        assertThat(box.headSeq()).isEqualTo(head);
        String fits = "x".repeat(64);
        assertThat(api.put("/api/v1/catalog/products/wide", Map.of("name", "Wide", "price", 1_000,
                "sku", fits, "barcode", fits, "station", fits)).status()).isEqualTo(200);
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
