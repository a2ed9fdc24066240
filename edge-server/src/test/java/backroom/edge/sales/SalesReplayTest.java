package backroom.edge.sales;

import static backroom.edge.testing.Sales.item;
import static backroom.edge.testing.Sales.payment;
import static backroom.edge.testing.Sales.sale;
import static backroom.edge.testing.Sales.twoLargeLattesWithExtraShot;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class SalesReplayTest {

    private static final List<String> TABLES = List.of("sales", "sale_lines", "sale_payments", "sale_voids", "refunds", "refund_lines",
            "receipt_counters");

    @Test
    void aBoxRebuiltFromItsLedgerHoldsEverySaleVoidAndRefundAndNumbersReceiptsOnFromTheLast() {
        TestBox box = TestBox.start();
        Path rebuilt = null;
        try {
            try {
                ringADay(box);
            } finally {
                box.stop();
            }
            rebuilt = RebuiltCopy.of(box.dataDir());

            for (String table : TABLES) {
                RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, table, Set.of());
            }
            RebuiltCopy.assertEmpty(rebuilt, "idempotency_keys");
            OfflineCheck.Result check = OfflineCheck.run(rebuilt, Box.tableAudits());
            assertThat(check.audit().intact()).as("the rebuilt tables held to the entries: %s", check.audit().problem()).isTrue();
            assertThat(nextReceipts(rebuilt, "r1", "r2")).containsExactly("r1-000004", "r2-000004");
        } finally {
            box.deleteData();
            if (rebuilt != null) {
                TempFolders.delete(rebuilt);
            }
        }
    }

    /**
     * Two registers rung by two people on two devices: cash with change, a dine-in sale with a
     * table, a customer, a discount, notes, a card reference and a split tender, a retail sale; one
     * voided, one refunded whole, one refunded in two parts, one in part.
     */
    private static void ringADay(TestBox box) {
        Api technician = box.api();
        Api supervisor = box.signedIn("supervisor");
        String r1 = technician.openShift("r1");
        String r2 = supervisor.openShift("r2");

        Reply lattes = rung(technician.ringSale(twoLargeLattesWithExtraShot("r1", r1)));
        Reply dineIn = rung(technician.ringSale(Map.of("registerId", "r1", "shiftId", r1, "orderType", "dine_in", "tableId", "t4",
                "customerId", "c-77",
                "items", List.of(Map.of("productId", "food-croissant", "quantity", 2, "notes", "warm them", "discount", 1_000),
                        item("tea-jasmine", "iced", 1, List.of())),
                "payments", List.of(Map.of("method", "card", "amount", 20_000, "reference", "auth-0042"), payment("cash", 100_000)))));
        Reply retail = rung(supervisor.ringSale(Map.of("registerId", "r2", "shiftId", r2, "orderType", "retail",
                "items", List.of(item("retail-beans-250", null, 1, List.of()), item("food-banana-bread", null, 3, List.of())),
                "payments", List.of(payment("cash", 500_000)))));
        Reply wrong = rung(supervisor.ringSale(sale("r2", r2, List.of(item("coffee-latte", "regular", 1, List.of("oat-milk"))),
                List.of(payment("cash", 50_000)))));
        rung(technician.ringSale(sale("r1", r1, List.of(item("coffee-americano", null, 1, List.of())), List.of(payment("cash", 30_000)))));

        supervisor.voidSale(wrong.field("saleId"), "rang the wrong milk");
        refunded(technician.post("/api/v1/sales/" + lattes.field("saleId") + "/refunds", Map.of("reason", "spilt")));
        refunded(supervisor.post("/api/v1/sales/" + retail.field("saleId") + "/refunds",
                Map.of("items", List.of(Map.of("lineNo", 2, "quantity", 1)), "reason", "stale", "method", "cash")));
        refunded(supervisor.post("/api/v1/sales/" + retail.field("saleId") + "/refunds",
                Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 1), Map.of("lineNo", 2, "quantity", 2)), "reason", "all stale")));
        refunded(technician.post("/api/v1/sales/" + dineIn.field("saleId") + "/refunds",
                Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 1)), "reason", "burnt", "shiftId", r2)));
        rung(supervisor.ringSale(sale("r2", r2, List.of(item("tea-jasmine", "hot", 2, List.of())), List.of(payment("qris", 41_400)))));
    }

    /** The receipt numbers the live numbering gives next on each register of the rebuilt folder. */
    private static List<String> nextReceipts(Path rebuilt, String... registers) {
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(rebuilt), "sa", "")) {
            handle.begin();
            ReceiptNumbers numbers = new ReceiptNumbers();
            WriterStatements statements = new WriterStatements(handle.getConnection());
            List<String> next = List.of(registers).stream().map(register -> numbers.next(handle, statements, register)).toList();
            handle.rollback();
            statements.close();
            return next;
        }
    }

    private static Reply rung(Reply sale) {
        assertThat(sale.status()).as("%s", sale).isEqualTo(201);
        return sale;
    }

    private static void refunded(Reply refund) {
        assertThat(refund.status()).as("%s", refund).isEqualTo(201);
    }
}
