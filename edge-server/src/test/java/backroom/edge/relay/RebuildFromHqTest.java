package backroom.edge.relay;

import static backroom.edge.relay.RelayTest.awaitUntil;
import static backroom.edge.testing.Sales.item;
import static backroom.edge.testing.Sales.payment;
import static backroom.edge.testing.Sales.sale;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.ChildBox;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import backroom.relay.testing.Mosquitto;
import backroom.relay.testing.PostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A box whose SD card died, rebuilt on a new box from HQ's copy of its ledger through a real
 * Mosquitto and HQ sink (on H2, and on PostgreSQL) with {@code backroom restore --from-hq}: the new
 * box answers the same sales, shifts and stock, its receipt numbers and seq go on where the old box
 * stopped, and HQ takes what it writes next as the same chain, not a fork.
 */
class RebuildFromHqTest {

    @TempDir
    Path dir;
    private Mosquitto broker;
    private Hq hq;
    private TestBox box;
    private PostgresDatabase postgres;

    @AfterEach
    void stopAll() {
        if (box != null) {
            box.close();
        }
        if (hq != null) {
            hq.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDeadBoxIsRebuiltFromHqAndGoesOnWhereItStopped() throws Exception {
        broker = Mosquitto.start(dir);
        hq = Hq.onH2(dir, broker.url());
        aDeadBoxIsRebuiltAndGoesOn();
    }

    @Test
    void anHqOnPostgresqlRebuildsItToo() throws Exception {
        broker = Mosquitto.start(dir);
        postgres = new PostgresDatabase();
        hq = new Hq(postgres.url(), broker.url());
        aDeadBoxIsRebuiltAndGoesOn();
    }

    private void aDeadBoxIsRebuiltAndGoesOn() throws Exception {
        hq.startSink();
        box = TestBox.start(config -> config.withRelay(hq.uplink()));
        Api api = box.api();
        assertThat(api.put("/api/v1/catalog/products/cookie", Map.of("name", "Cookie", "price", 10_000, "taxId", "ppn-10",
                "categoryId", "food", "trackStock", true)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/stock/cookie/adjustments", Map.of("delta", 40, "reason", "delivery")).status()).isEqualTo(200);
        List<String> sales = new ArrayList<>();
        String closedShift = api.openShift("r1");
        sales.add(rung(api, Sales.twoLargeLattesWithExtraShot("r1", closedShift)));
        sales.add(rung(api, sale("r1", closedShift, List.of(item("coffee-latte", "large", 3, List.of()), item("cookie", null, 4, List.of())),
                List.of(payment("card", 50_000), payment("cash", 200_000)))));
        sales.add(rung(api, Sales.twoLargeLattesWithExtraShot("r1", closedShift)));
        assertThat(api.voidSale(sales.get(2), "rung twice").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/sales/" + sales.get(1) + "/refunds", Map.of("reason", "cold")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/shifts/" + closedShift + "/cash-movements",
                Map.of("kind", "out", "amount", 20_000, "reason", "milk")).status()).isEqualTo(201);
        assertThat(api.closeShift(closedShift, 95_000).status()).isEqualTo(200);
        String openShift = api.openShift("r1");
        sales.add(rung(api, sale("r1", openShift, List.of(item("cookie", null, 1, List.of())), List.of(payment("cash", 20_000)))));
        String lastReceipt = api.get("/api/v1/sales/" + sales.getLast()).field("receiptNumber");
        awaitUntil(() -> checkedAtHq() == box.headSeq());
        long oldHead = box.headSeq();
        Map<String, JsonNode> answered = answers(api, sales, List.of(closedShift, openShift));
        assertThat(cookiesOnHand(answered.get("catalog and stock on hand"))).as("40 in, 4 sold and refunded, 1 sold").isEqualTo(39);
        box.close();
        box = null;

        Path newBox = dir.resolve("new-box");
        Path config = dir.resolve("backroom.yaml");
        Files.writeString(config, """
                store:
                  franchise: %s
                  id: %s
                  secret: %s
                relay:
                  url: %s
                """.formatted(Hq.STORE.franchise(), Hq.STORE.store(), Hq.SECRET, broker.url()));
        ChildBox.CommandRun rebuilt = ChildBox.command("restore", "--from-hq", "--config", config.toString(), "--data", newBox.toString());

        assertThat(rebuilt.exitCode()).as(rebuilt.output()).isZero();
        assertThat(rebuilt.output()).contains("Rebuilt kopi/s1 into " + newBox.toAbsolutePath() + " from HQ: ledger head seq " + oldHead);
        box = TestBox.startOn(newBox, settings -> settings.withRelay(hq.uplink()));
        Api again = box.api();
        assertThat(answers(again, sales, List.of(closedShift, openShift))).isEqualTo(answered);

        Reply next = again.ringSale(Sales.twoLargeLattesWithExtraShot("r1", openShift));
        assertThat(next.status()).isEqualTo(201);
        assertThat(receiptNo(next.field("receiptNumber"))).as("the receipt after " + lastReceipt).isEqualTo(receiptNo(lastReceipt) + 1);
        assertThat(box.headSeq()).isGreaterThan(oldHead);
        awaitUntil(() -> checkedAtHq() == box.headSeq());
        assertThat(hq.strings("SELECT COUNT(*) FROM ledger_conflicts")).containsExactly("0");
        assertThat(hq.strings("SELECT forked_at_seq FROM store_heads")).as("HQ took the rebuilt box's entries as the same chain")
                .containsOnlyNulls();
    }

    @Test
    void withoutAnHqThatKnowsTheStoreNothingIsRebuiltAndTheFolderIsLeftAlone() throws Exception {
        broker = Mosquitto.start(dir);
        Path newBox = dir.resolve("new-box");
        Path config = dir.resolve("backroom.yaml");
        Files.writeString(config, """
                store:
                  franchise: kopi
                  id: s1
                  secret: %s
                relay:
                  url: %s
                """.formatted(Hq.SECRET, broker.url()));

        ChildBox.CommandRun silent = ChildBox.command("restore", "--from-hq", "--config", config.toString(), "--data", newBox.toString(),
                "--hq-wait", "1");

        assertThat(silent.exitCode()).isEqualTo(1);
        assertThat(silent.output()).contains("restore: stopped, nothing in " + newBox.toAbsolutePath()
                + " was changed: HQ did not answer 4 requests for kopi/s1's ledger after entry 0 (no answer in 1000 ms)");
        assertThat(newBox).doesNotExist();
        ChildBox.CommandRun noRelay = ChildBox.command("restore", "--from-hq", "--data", newBox.toString());
        assertThat(noRelay.exitCode()).isEqualTo(1);
        assertThat(noRelay.output()).contains("--from-hq needs the relay's settings");
    }

    private static String rung(Api api, Map<String, Object> sale) {
        Reply rung = api.ringSale(sale);
        assertThat(rung.status()).as(rung.toString()).isEqualTo(201);
        return rung.field("saleId");
    }

    private long checkedAtHq() {
        try {
            return hq.checkedSeq();
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    /** What the box answers about these sales and shifts, and its catalog with stock on hand. */
    private static Map<String, JsonNode> answers(Api api, List<String> sales, List<String> shifts) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String sale : sales) {
            answers.put("sale " + sale, ok(api.get("/api/v1/sales/" + sale)));
        }
        for (String shift : shifts) {
            answers.put("shift " + shift, ok(api.get("/api/v1/shifts/" + shift)));
            answers.put("report " + shift, ok(api.get("/api/v1/shifts/" + shift + "/report")));
        }
        answers.put("catalog and stock on hand", ok(api.get("/api/v1/catalog")));
        return answers;
    }

    private static long cookiesOnHand(JsonNode catalog) {
        for (JsonNode product : catalog.path("products")) {
            if (product.path("id").asText().equals("cookie")) {
                return product.path("stockOnHand").asLong();
            }
        }
        throw new AssertionError("no cookie in " + catalog);
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private static long receiptNo(String receiptNumber) {
        return Long.parseLong(receiptNumber.substring(receiptNumber.lastIndexOf('-') + 1));
    }
}
