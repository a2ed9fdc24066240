package backroom.edge.reports;

import static backroom.edge.reports.SalesReportsAgreeWithZReportsTest.report;
import static backroom.edge.reports.SalesReportsAgreeWithZReportsTest.require;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SignIn;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sales report through the API: a day beside the day before, a void counted out as soon as it
 * is answered, the sums kept across a restart, CSV for a spreadsheet, a manager's and not a
 * cashier's, and a bad parameter named.
 */
class SalesReportsTest {

    private static final long CROISSANT = 25_300;

    private TestBox box;

    @BeforeEach
    void start() {
        box = TestBox.start();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aDayIsReportedBesideTheDayBeforeAndAVoidIsCountedOutAtOnce() {
        String shift = box.api().openShift("r1");
        croissants(box.api(), shift, 1);
        LocalDate first = today();
        Api api = intoTheNextDay(box.api());
        String kept = croissants(api, shift, 2);
        String voided = croissants(api, shift, 1);
        JsonNode before = report(api, "by=day");

        assertThat(before.path("period").path("from").asText()).isEqualTo(first.plusDays(1).toString());
        assertThat(before.path("currency").asText()).isEqualTo("IDR");
        assertThat(before.path("period").path("rows")).hasSize(1);
        assertThat(before.path("period").path("totals").path("salesCount").asLong()).isEqualTo(2);
        assertThat(before.path("period").path("totals").path("salesTotal").asLong()).isEqualTo(CROISSANT * 3);
        assertThat(before.path("previous").path("from").asText()).isEqualTo(first.toString());
        assertThat(before.path("previous").path("rows").get(0).path("key").asText()).isEqualTo(first.toString());
        assertThat(before.path("previous").path("totals").path("salesTotal").asLong()).isEqualTo(CROISSANT);

        api.voidSale(voided, "rang twice");
        require(api.post("/api/v1/sales/" + kept + "/refunds", Map.of("reason", "cold", "items", List.of(Map.of("lineNo", 1,
                "quantity", 1)))), 201);
        JsonNode after = report(api, "by=product");
        JsonNode croissant = after.path("period").path("rows").get(0);
        assertThat(croissant.path("key").asText()).isEqualTo("food-croissant");
        assertThat(croissant.path("quantity").asLong()).as("the voided sale's unit taken back out").isEqualTo(2);
        assertThat(croissant.path("refundsCount").asLong()).as("one unit given back").isEqualTo(1);
        assertThat(after.path("previous").path("totals").path("quantity").asLong()).isEqualTo(1);

        box.stop();
        box = TestBox.restartUnattended(box);
        Api manager = new Api(box.port(), api.token());
        JsonNode again = report(manager, "by=product");
        assertThat(again.path("period")).as("the sums kept across a restart").isEqualTo(after.path("period"));
        JsonNode food = report(manager, "by=category").path("period").path("rows").get(0);
        assertThat(food.path("key").asText()).isEqualTo("food");
        assertThat(food.path("refundsCount").asLong()).isEqualTo(1);
        assertThat(food.path("refundsTotal").asLong()).isEqualTo(croissant.path("refundsTotal").asLong()).isPositive();
        croissants(manager, shift, 1);
        JsonNode foodAfter = report(manager, "by=category").path("period").path("rows").get(0);
        assertThat(foodAfter.path("key").asText()).as("a product's category kept across the restart").isEqualTo("food");
        assertThat(foodAfter.path("quantity").asLong()).isEqualTo(3);

        box.stop();
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(box.dataDir()), "sa", "")) {
            for (String table : List.of("report_buckets", "report_sales", "report_labels", "report_products", "report_kitchen_items")) {
                handle.execute("DELETE FROM " + table);
            }
            handle.execute("UPDATE report_progress SET applied_seq = 0");
        }
        box = TestBox.restartUnattended(box);
        JsonNode fromScratch = report(new Api(box.port(), api.token()), "by=category");
        assertThat(fromScratch.path("period")).as("the ledger added up again from its first entry")
                .isEqualTo(report(new Api(box.port(), api.token()), "by=category").path("period"));
        assertThat(fromScratch.path("period").path("rows").get(0)).isEqualTo(foodAfter);
    }

    @Test
    void aReportComesAsCsvWithEachLineNamingItsPeriod() {
        String shift = box.api().openShift("r1");
        croissants(box.api(), shift, 2);
        Reply csv = box.api().get("/api/v1/reports/sales?by=product&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String day = today().toString();
        String before = today().minusDays(1).toString();
        assertThat(csv.text().split("\r\n")).containsExactly(ReportCsv.HEADER,
                "current," + day + "," + day + ",food-croissant,Butter croissant,1,2," + 44_000 + ",0,0," + 44_000,
                "current," + day + "," + day + ",total,Total,1,2," + 44_000 + ",0,0," + 44_000,
                "previous," + before + "," + before + ",total,Total,0,0,0,0,0,0");
    }

    @Test
    void theReportIsAManagersAndNotACashiers() {
        assertThat(box.signedIn("cashier").get("/api/v1/reports/sales").status()).isEqualTo(403);
        assertThat(box.signedIn("supervisor").get("/api/v1/reports/sales").status()).isEqualTo(403);
        assertThat(box.signedIn("manager").get("/api/v1/reports/sales").status()).isEqualTo(200);
        assertThat(box.anonymous().get("/api/v1/reports/sales").status()).isEqualTo(401);
    }

    @Test
    void aBadParameterIsA400NamingIt() {
        Api api = box.api();
        Map<String, String> named = Map.of(
                "groupBy=week", "groupBy",
                "by=week", "groupBy",
                "from=2026-12-02&to=2026-12-01", "from",
                "from=2025-01-01&to=2026-01-02", "to",
                "from=2026-13-01", "from",
                "to=yesterday", "to",
                "tz=Mars/Olympus", "tz",
                "tz=Asia/Kolkata", "tz",
                "format=xml", "format");
        named.forEach((query, field) -> {
            Reply refused = api.get("/api/v1/reports/sales?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.problemFields()).as(query).containsExactly(field);
        });
        assertThat(api.get("/api/v1/reports/sales?from=2025-01-01&to=2026-01-01&tz=Asia/Jakarta").status()).as("366 days").isEqualTo(200);
        assertThat(api.get("/api/v1/reports/kitchen?groupBy=week&format=xml").status()).as("the kitchen's report has no grouping")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/reports/kitchen?tz=Asia/Kolkata").problemFields()).containsExactly("tz");
    }

    /**
     * Moves the clock to an hour into the next day (UTC), a few hours at a time, each time signing a
     * new manager in before the last one's 12-hour session ends; the last manager.
     */
    private Api intoTheNextDay(Api technician) {
        String code = require(technician.post("/api/v1/devices/pairing-codes", Map.of("name", "Office", "kind", "terminal")), 201)
                .field("code");
        String office = SignIn.pair(box.port(), code);
        Api manager = technician;
        Instant target = today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(1));
        int staff = 0;
        while (box.clock().instant().isBefore(target)) {
            Duration step = Duration.between(box.clock().instant(), target);
            box.clock().advance(step.compareTo(Duration.ofHours(10)) > 0 ? Duration.ofHours(10) : step);
            String pin = Integer.toString(700_000 + ++staff);
            require(manager.post("/api/v1/staff", Map.of("name", "Manager " + staff, "role", "manager", "pin", pin)), 201);
            manager = manager.as(SignIn.session(box.port(), office, pin));
        }
        return manager;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(box.clock().instant(), ZoneOffset.UTC);
    }

    /** A sale of {@code count} croissants paid by card; its id. */
    private static String croissants(Api api, String shift, int count) {
        return require(api.ringSale(Sales.sale("r1", shift, List.of(Sales.item("food-croissant", null, count, List.of())),
                List.of(Sales.payment("card", CROISSANT * count)))), 201).field("saleId");
    }
}
