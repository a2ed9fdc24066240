package backroom.edge.reports;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Many random sales on two registers, some voided, some refunded in part or in full, each shift
 * closed with its Z report: the sales report of the days they fall in adds up to the Z reports to
 * the unit, by store, by payment method and by staff member, and its products' units and money are
 * the lines that were not voided.
 */
class SalesReportsAgreeWithZReportsTest {

    private static final List<String> METHODS = List.of("cash", "card", "qris");

    @Test
    void theReportOfTheDaysAgreesWithTheirZReportsToTheUnit() {
        try (TestBox box = TestBox.start()) {
            Api api = box.api();
            require(api.post("/api/v1/stock/food-croissant/adjustments", Map.of("delta", 1_000, "reason", "delivery")), 200);
            Random random = new Random(19);
            Map<String, Long> units = new HashMap<>();
            Map<String, Long> lineMoney = new HashMap<>();
            List<JsonNode> zReports = new ArrayList<>();
            List<JsonNode> everySale = new ArrayList<>();
            for (String register : List.of("r-a", "r-b")) {
                String shift = api.openShift(register);
                List<JsonNode> rung = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    rung.add(ringOne(api, register, shift, random));
                }
                // Two cash payments and change: the change comes out of the cash once.
                rung.add(api.get("/api/v1/sales/" + require(api.ringSale(Sales.sale(register, shift,
                        List.of(Sales.item("food-croissant", null, 1, List.of())),
                        List.of(Sales.payment("cash", 20_000), Sales.payment("cash", 10_000)))), 201).field("saleId")).body());
                for (JsonNode sale : rung) {
                    int fate = random.nextInt(10);
                    if (fate == 0) {
                        api.voidSale(sale.path("saleId").asText(), "rang twice");
                        continue;
                    }
                    sale.path("lines").forEach(line -> {
                        units.merge(line.path("productId").asText(), line.path("quantity").asLong(), Long::sum);
                        lineMoney.merge(line.path("productId").asText(), line.path("lineTotal").asLong(), Long::sum);
                    });
                    if (fate == 1) {
                        require(api.post("/api/v1/sales/" + sale.path("saleId").asText() + "/refunds", Map.of("reason", "cold")), 201);
                    } else if (fate == 2) {
                        require(api.post("/api/v1/sales/" + sale.path("saleId").asText() + "/refunds", Map.of("reason", "one cold",
                                "method", "cash", "items", List.of(Map.of("lineNo", 1, "quantity", 1)))), 201);
                    }
                }
                everySale.addAll(rung);
                zReports.add(api.closeShift(shift, 1_000_000).body());
            }

            JsonNode technician = everySale.getFirst().path("by");
            LocalDate today = LocalDate.ofInstant(box.clock().instant(), ZoneOffset.UTC);
            String days = "from=" + today.minusDays(1) + "&to=" + today;
            JsonNode byDay = report(api, days + "&by=day");
            assertThat(byDay.path("period").path("rows")).hasSize(2);
            JsonNode total = byDay.path("period").path("totals");
            assertThat(total.path("salesCount").asLong()).isEqualTo(sum(zReports, "salesCount")).isPositive();
            assertThat(total.path("salesTotal").asLong()).isEqualTo(sum(zReports, "salesTotal"));
            assertThat(total.path("refundsCount").asLong()).isEqualTo(sum(zReports, "refundsCount")).isPositive();
            assertThat(total.path("refundsTotal").asLong()).isEqualTo(sum(zReports, "refundsTotal"));
            assertThat(total.path("net").asLong()).isEqualTo(sum(zReports, "salesTotal") - sum(zReports, "refundsTotal"));

            Map<String, JsonNode> byMethod = rows(report(api, days + "&groupBy=payment"));
            for (String method : METHODS) {
                long taken = zReports.stream().mapToLong(z -> z.path("totalsByMethod").path(method).asLong()).sum();
                long refunded = zReports.stream().mapToLong(z -> z.path("refundsByMethod").path(method).asLong()).sum();
                assertThat(byMethod.get(method).path("salesTotal").asLong()).as(method).isEqualTo(taken);
                assertThat(byMethod.get(method).path("refundsTotal").asLong()).as(method).isEqualTo(refunded);
            }

            JsonNode byStaff = report(api, days + "&by=staff");
            assertThat(byStaff.path("period").path("totals").path("salesTotal").asLong()).isEqualTo(sum(zReports, "salesTotal"));
            JsonNode staff = byStaff.path("period").path("rows").get(0);
            assertThat(byStaff.path("period").path("rows")).hasSize(1);
            assertThat(staff.path("key").asText()).isEqualTo(technician.path("staffId").asText());
            assertThat(staff.path("label").asText()).isEqualTo(technician.path("staffName").asText());

            Map<String, JsonNode> byProduct = rows(report(api, days + "&groupBy=product"));
            assertThat(byProduct.keySet()).isEqualTo(units.keySet());
            units.forEach((product, sold) -> {
                assertThat(byProduct.get(product).path("quantity").asLong()).as(product).isEqualTo(sold);
                assertThat(byProduct.get(product).path("salesTotal").asLong()).as(product).isEqualTo(lineMoney.get(product));
            });
            assertThat(byProduct.get("food-croissant").path("label").asText()).isEqualTo("Butter croissant");
            Map<String, JsonNode> byCategory = rows(report(api, days + "&by=category"));
            assertThat(byCategory.keySet()).containsExactlyInAnyOrder("coffee", "food");
            assertThat(byCategory.get("food").path("label").asText()).isEqualTo("Food");
            assertThat(byCategory.get("food").path("quantity").asLong()).isEqualTo(units.get("food-croissant"));
            assertThat(byCategory.get("food").path("salesTotal").asLong()).isEqualTo(lineMoney.get("food-croissant"));
            assertThat(byCategory.get("coffee").path("salesTotal").asLong()).isEqualTo(lineMoney.get("coffee-latte"));

            JsonNode byHour = report(api, days + "&by=hour");
            assertThat(byHour.path("period").path("rows")).hasSize(24);
            assertThat(byHour.path("period").path("totals").path("salesTotal").asLong()).isEqualTo(sum(zReports, "salesTotal"));
            assertThat(byHour.path("previous").path("totals").path("salesCount").asLong()).as("nothing the two days before").isZero();
        }
    }

    /** A sale of one to three random lines, paid by a random method: cash rounded up to the next 10,000, the rest exactly. */
    private static JsonNode ringOne(Api api, String register, String shift, Random random) {
        List<Map<String, Object>> items = new ArrayList<>();
        int lines = 1 + random.nextInt(3);
        for (int l = 0; l < lines; l++) {
            items.add(random.nextBoolean() ? Sales.item("food-croissant", null, 1 + random.nextInt(3), List.of())
                    : Sales.item("coffee-latte", random.nextBoolean() ? "large" : null, 1 + random.nextInt(2),
                    random.nextBoolean() ? List.of("extra-shot") : List.of()));
        }
        Map<String, Object> quote = Sales.sale(register, shift, items, List.of(Sales.payment("cash", 1)));
        long due = require(api.post("/api/v1/sales/quote", quote), 200).number("grandTotal");
        String method = METHODS.get(random.nextInt(METHODS.size()));
        long paid = method.equals("cash") ? (due / 10_000 + 1) * 10_000 : due;
        Reply sale = require(api.ringSale(Sales.sale(register, shift, items, List.of(Sales.payment(method, paid)))), 201);
        return api.get("/api/v1/sales/" + sale.field("saleId")).body();
    }

    static JsonNode report(Api api, String query) {
        return require(api.get("/api/v1/reports/sales?" + query), 200).body();
    }

    static Map<String, JsonNode> rows(JsonNode report) {
        Map<String, JsonNode> rows = new HashMap<>();
        report.path("period").path("rows").forEach(row -> rows.put(row.path("key").asText(), row));
        return rows;
    }

    private static long sum(List<JsonNode> zReports, String field) {
        return zReports.stream().mapToLong(z -> z.path(field).asLong()).sum();
    }

    static Reply require(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }
}
