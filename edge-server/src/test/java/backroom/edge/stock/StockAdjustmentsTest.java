package backroom.edge.stock;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/v1/stock/{productId}/adjustments}: stock moves by the delta down to exactly
 * nothing and no further, the answer says what is on hand after, and a delta or reason out of
 * bounds, or a product that does not track stock, is refused naming the field with nothing written.
 */
class StockAdjustmentsTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();
    static Api api;

    @BeforeAll
    static void aTrackedAndAnUntrackedProduct() {
        api = box.api();
        for (String product : new String[] {"flour", "sugar", "water"}) {
            assertThat(api.put("/api/v1/catalog/products/" + product, Map.of("name", product, "price", 1_000, "taxId", "ppn-10",
                    "categoryId", "food", "trackStock", !product.equals("water"))).status()).isEqualTo(200);
        }
    }

    @Test
    void stockGoesDownToExactlyNothingAndNoFurther() {
        assertThat(adjust("flour", 5, "delivery").number("onHand")).isEqualTo(5);
        Reply emptied = adjust("flour", -5, "spilled");
        assertThat(emptied.status()).isEqualTo(200);
        assertThat(emptied.number("onHand")).isZero();
        long head = box.box().headSeq();

        Reply short1 = adjust("flour", -1, "spilled");

        assertThat(short1.status()).isEqualTo(409);
        assertThat(short1.problemFields()).containsExactly("delta");
        assertThat(short1.field("detail")).contains("only 0 of flour in stock");
        assertThat(box.box().headSeq()).as("nothing written").isEqualTo(head);
    }

    @Test
    void aDeltaOrReasonOutOfBoundsIsRefusedNamingIt() {
        long head = box.box().headSeq();
        assertThat(adjust("sugar", 1_000_001, "delivery").problemFields()).containsExactly("delta");
        assertThat(adjust("sugar", -1_000_001, "delivery").problemFields()).containsExactly("delta");
        assertThat(adjust("sugar", 0, "delivery").problemFields()).containsExactly("delta");
        assertThat(adjust("sugar", 1, "r".repeat(65)).problemFields()).containsExactly("reason");
        assertThat(adjust("sugar", 1, " ").problemFields()).containsExactly("reason");
        assertThat(box.box().headSeq()).as("nothing written").isEqualTo(head);

        assertThat(adjust("sugar", 1, "r".repeat(64)).number("onHand")).isEqualTo(1);
        assertThat(adjust("sugar", 1_000_000, "delivery").number("onHand")).as("the largest delta").isEqualTo(1_000_001);
        assertThat(adjust("sugar", -1_000_000, "recount").number("onHand")).isEqualTo(1);
    }

    @Test
    void aProductThatDoesNotTrackStockIsRefused() {
        long head = box.box().headSeq();
        Reply untracked = adjust("water", 3, "delivery");
        assertThat(untracked.status()).isEqualTo(422);
        assertThat(untracked.problemFields()).containsExactly("delta");
        assertThat(untracked.field("detail")).contains("product water does not track stock");
        assertThat(box.box().headSeq()).isEqualTo(head);
    }

    private static Reply adjust(String product, long delta, String reason) {
        return api.post("/api/v1/stock/" + product + "/adjustments", Map.of("delta", delta, "reason", reason));
    }
}
