package backroom.edge.checks;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A box rebuilt from its ledger holds every check as the old box left it: lines, parts, payments, and the tables they hold. */
class ChecksReplayTest {

    private static final List<String> TABLES = List.of("checks", "check_lines", "check_parts", "table_holds", "stock_movements",
            "kitchen_orders");

    @Test
    void aRebuiltBoxHoldsEveryCheckOpenMovedMergedSplitAndPaid() {
        TestBox box = TestBox.start();
        Path rebuilt = null;
        try {
            try {
                anEvening(box.api());
            } finally {
                box.stop();
            }
            rebuilt = RebuiltCopy.of(box.dataDir());
            for (String table : TABLES) {
                RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, table, Set.of());
            }
            OfflineCheck.Result check = OfflineCheck.run(rebuilt, Box.tableAudits());
            assertThat(check.audit().intact()).as("the rebuilt tables held to the entries: %s", check.audit().problem()).isTrue();
        } finally {
            box.deleteData();
            if (rebuilt != null) {
                TempFolders.delete(rebuilt);
            }
        }
    }

    /** A table discounted, a price set, paid in three parts, one moved, discounted and merged into, one left open on its table, a tab split by item and half paid. */
    private static void anEvening(Api api) {
        String shift = api.openShift("r1");
        String paid = open(api, Map.of("tableId", "t1", "guests", 3));
        round(api, paid, Sales.item("coffee-latte", "large", 2, List.of("extra-shot")), Sales.item("food-croissant", null, 1, List.of()));
        round(api, paid, Sales.item("food-croissant", null, 2, List.of()));
        api.post("/api/v1/checks/" + paid + "/discount", Map.of("percentBp", 1_500, "reason", "birthday"));
        api.post("/api/v1/checks/" + paid + "/lines/2/price", Map.of("unitPrice", 20_000, "reason", "yesterday's"));
        api.post("/api/v1/checks/" + paid + "/split", Map.of("by", "equally", "ways", 3));
        for (int part = 1; part <= 3; part++) {
            pay(api, paid, shift, part);
        }
        String moved = open(api, Map.of("tableId", "t2"));
        round(api, moved, Sales.item("food-croissant", null, 1, List.of()));
        api.post("/api/v1/checks/" + moved + "/move", Map.of("tableId", "t3"));
        String mergedAway = open(api, Map.of("tableId", "t4"));
        round(api, mergedAway, Sales.item("coffee-latte", "regular", 1, List.of()));
        api.post("/api/v1/checks/" + moved + "/merge", Map.of("fromCheckId", mergedAway));
        api.post("/api/v1/checks/" + moved + "/discount", Map.of("amount", 5_000, "reason", "late"));
        String tab = open(api, Map.of("name", "Ana", "orderType", "takeaway"));
        round(api, tab, Sales.item("food-croissant", null, 1, List.of()), Sales.item("coffee-latte", "regular", 1, List.of()));
        api.post("/api/v1/checks/" + tab + "/split", Map.of("by", "items",
                "parts", List.of(Map.of("lineNos", List.of(1)), Map.of("lineNos", List.of(2)))));
        pay(api, tab, shift, 2);
        String left = open(api, Map.of("tableId", "t5", "name", "window"));
        round(api, left, Sales.item("coffee-latte", "regular", 2, List.of()));
    }

    private static String open(Api api, Map<String, Object> body) {
        Reply opened = api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), body);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.field("checkId");
    }

    @SafeVarargs
    private static void round(Api api, String checkId, Map<String, Object>... items) {
        Reply round = api.postWithKey("/api/v1/checks/" + checkId + "/rounds", UUID.randomUUID().toString(), Map.of("items", List.of(items)));
        assertThat(round.status()).as(round.toString()).isEqualTo(201);
    }

    private static void pay(Api api, String checkId, String shift, int partNo) {
        Reply paid = api.postWithKey("/api/v1/checks/" + checkId + "/payments", UUID.randomUUID().toString(),
                Map.of("registerId", "r1", "shiftId", shift, "partNo", partNo, "payments", List.of(Sales.payment("cash", 200_000))));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }
}
