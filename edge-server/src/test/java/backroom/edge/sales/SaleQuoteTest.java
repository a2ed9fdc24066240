package backroom.edge.sales;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SharedBox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A quote prices items as their sale will, and writes nothing. */
class SaleQuoteTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    @Test
    void aQuoteComesToWhatTheSaleOfTheSameItemsComesToAndWritesNothing() {
        Api api = box.api();
        String shift = api.openShift("r-quote");
        List<Map<String, Object>> items = List.of(Sales.item("coffee-latte", "large", 2, List.of("extra-shot")),
                Map.of("productId", "food-croissant", "quantity", 3, "discount", 1_001));
        long before = box.headSeq();
        Reply quote = api.post("/api/v1/sales/quote", Map.of("items", items));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        assertThat(box.headSeq()).isEqualTo(before);

        Reply sale = api.ringSale(Sales.sale("r-quote", shift, items, List.of(Sales.payment("cash", 1_000_000))));
        for (String field : List.of("subtotal", "taxTotal", "serviceCharge", "rounding", "grandTotal")) {
            assertThat(quote.number(field)).as(field).isEqualTo(sale.number(field));
        }
        assertThat(quote.body().path("lines").get(1).path("lineTotal").asLong()).isEqualTo(3 * 22_000 - 1_001);
        assertThat(quote.field("currency")).isEqualTo(sale.field("currency"));
    }

    @Test
    void aQuoteOfItemsASaleWouldRefuseIsRefusedNamingTheItem() {
        Reply refused = box.api().post("/api/v1/sales/quote", Map.of("items", List.of(Map.of("productId", "no-such", "quantity", 1))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemFields()).containsExactly("items[0].productId");
        Reply none = box.api().post("/api/v1/sales/quote", Map.of("items", List.of(Map.of("productId", "food-croissant", "quantity", 0))));
        assertThat(none.status()).as("a quantity a sale refuses").isEqualTo(422);
        assertThat(none.problemFields()).containsExactly("items[0].quantity");
    }
}
