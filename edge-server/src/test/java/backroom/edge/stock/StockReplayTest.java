package backroom.edge.stock;

import static backroom.edge.testing.Sales.item;
import static backroom.edge.testing.Sales.payment;
import static backroom.edge.testing.Sales.sale;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StockReplayTest {

    @Test
    void aBoxRebuiltFromItsLedgerHoldsTheSameStockAndEveryMovement() {
        TestBox box = TestBox.start();
        Path rebuilt = null;
        try {
            try {
                moveStock(box.api());
            } finally {
                box.stop();
            }
            rebuilt = RebuiltCopy.of(box.dataDir());

            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "stock_levels", Set.of());
            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "stock_movements", Set.of());
            assertThat(RebuiltCopy.rows(rebuilt, "stock_levels", Set.of()))
                    .contains(Map.of("product_id", "mint", "on_hand", "5"), Map.of("product_id", "cookie", "on_hand", "8"));
            OfflineCheck.Result check = OfflineCheck.run(rebuilt, Box.tableAudits());
            assertThat(check.audit().intact()).as("the rebuilt tables held to the entries: %s", check.audit().problem()).isTrue();
        } finally {
            box.deleteData();
            if (rebuilt != null) {
                TempFolders.delete(rebuilt);
            }
        }
    }

    /**
     * The one column a rebuild cannot carry: the old box lost a movement number to the sale whose
     * first line took stock before its second was refused, and no entry says so.
     */
    @Test
    void movementsAreNumberedAfreshWhereARefusedSaleLostANumber() {
        TestBox box = TestBox.start();
        Path rebuilt = null;
        try {
            try {
                Api api = box.api();
                product(api, "mint", 1_000, true);
                String shift = api.openShift("r1");
                Reply refused = api.ringSale(sale("r1", shift, List.of(item("food-croissant", null, 1, List.of()), item("mint", null, 1, List.of())),
                        List.of(payment("cash", 100_000))));
                assertThat(refused.problemFields()).containsExactly("items[1].quantity");
                rung(api.ringSale(sale("r1", shift, List.of(item("food-croissant", null, 1, List.of())), List.of(payment("cash", 100_000)))));
            } finally {
                box.stop();
            }
            rebuilt = RebuiltCopy.of(box.dataDir());

            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "stock_movements", Set.of("id"));
            assertThat(RebuiltCopy.rows(box.dataDir(), "stock_movements", Set.of()).getFirst()).containsEntry("id", "2");
            assertThat(RebuiltCopy.rows(rebuilt, "stock_movements", Set.of()).getFirst()).containsEntry("id", "1");
        } finally {
            box.deleteData();
            if (rebuilt != null) {
                TempFolders.delete(rebuilt);
            }
        }
    }

    /**
     * Stock set by the seeded catalog and by products added later (one written again, keeping its
     * stock; one that stops tracking it, keeping its level but taking no more), adjusted both ways,
     * taken by a sale with two lines of one product, given back by a void, by a whole refund of a
     * sale only part of which took stock, by a refund in part, and not by the refund of a sale that
     * took none.
     */
    private static void moveStock(Api api) {
        product(api, "cookie", 10_000, true);
        adjust(api, "cookie", 10, "delivery");
        product(api, "cookie", 12_000, true);
        product(api, "mint", 1_000, true);
        adjust(api, "mint", 6, "delivery");
        String shift = api.openShift("r1");

        Reply cookies = rung(api.ringSale(sale("r1", shift, List.of(item("cookie", null, 1, List.of()), item("food-croissant", null, 2, List.of()),
                item("coffee-latte", "large", 1, List.of()), item("cookie", null, 2, List.of())), List.of(payment("cash", 1_000_000)))));
        Reply mint = rung(api.ringSale(sale("r1", shift, List.of(item("mint", null, 1, List.of()), item("food-banana-bread", null, 1, List.of())),
                List.of(payment("cash", 100_000)))));
        api.voidSale(mint.field("saleId"), "no mint left on the shelf");
        adjust(api, "mint", -1, "waste");
        product(api, "mint", 1_000, false);
        Reply untracked = rung(api.ringSale(sale("r1", shift, List.of(item("mint", null, 2, List.of()), item("food-croissant", null, 1, List.of())),
                List.of(payment("cash", 100_000)))));
        Reply latte = rung(api.ringSale(sale("r1", shift, List.of(item("coffee-latte", "regular", 1, List.of())),
                List.of(payment("cash", 100_000)))));
        rung(api.ringSale(sale("r1", shift, List.of(item("retail-beans-250", null, 2, List.of())), List.of(payment("cash", 500_000)))));

        refunded(api.post("/api/v1/sales/" + untracked.field("saleId") + "/refunds", Map.of("reason", "wrong order")));
        refunded(api.post("/api/v1/sales/" + cookies.field("saleId") + "/refunds",
                Map.of("items", List.of(Map.of("lineNo", 4, "quantity", 1), Map.of("lineNo", 2, "quantity", 1)), "reason", "broken")));
        refunded(api.post("/api/v1/sales/" + latte.field("saleId") + "/refunds", Map.of("reason", "cold")));
        adjust(api, "food-croissant", -1, "dropped");
    }

    private static void product(Api api, String id, long price, boolean trackStock) {
        Reply put = api.put("/api/v1/catalog/products/" + id, Map.of("name", id, "price", price, "taxId", "ppn-10", "categoryId", "food",
                "trackStock", trackStock));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
    }

    private static void adjust(Api api, String productId, long delta, String reason) {
        Reply adjusted = api.post("/api/v1/stock/" + productId + "/adjustments", Map.of("delta", delta, "reason", reason));
        assertThat(adjusted.status()).as("%s", adjusted).isEqualTo(200);
    }

    private static Reply rung(Reply sale) {
        assertThat(sale.status()).as("%s", sale).isEqualTo(201);
        return sale;
    }

    private static void refunded(Reply refund) {
        assertThat(refund.status()).as("%s", refund).isEqualTo(201);
    }
}
