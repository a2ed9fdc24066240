package backroom.edge.reports;

import static backroom.edge.reports.SalesReportsAgreeWithZReportsTest.require;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each station's time to ready, from the kitchen's own entries: lattes at the bar made ready 90 s
 * and 150 s after they were sent, a croissant in the pastry case never bumped, a voided sale's
 * latte cancelled and kept apart, and a recall that does not undo the first time an item was ready.
 */
class KitchenSpeedReportTest {

    @Test
    void eachStationsTimeToReadyIsFromSentToFirstReady() {
        try (TestBox box = TestBox.start()) {
            Api api = box.api();
            String shift = api.openShift("r1");
            String fast = latte(api, shift);
            String slow = latte(api, shift);
            String voided = latte(api, shift);
            require(api.ringSale(Sales.sale("r1", shift, List.of(Sales.item("food-croissant", null, 1, List.of())),
                    List.of(Sales.payment("card", 25_300)))), 201);
            api.voidSale(voided, "rang twice");

            box.clock().advance(Duration.ofSeconds(90));
            bumpToReady(api, fast);
            box.clock().advance(Duration.ofSeconds(60));
            bumpToReady(api, slow);
            require(api.post("/api/v1/orders/recall", Map.of("station", "bar")), 200);
            box.clock().advance(Duration.ofSeconds(60));
            require(api.post("/api/v1/orders/" + slow + "/bump", Map.of("station", "bar")), 200);

            JsonNode report = require(api.get("/api/v1/reports/kitchen"), 200).body();
            Map<String, JsonNode> stations = new HashMap<>();
            report.path("period").path("stations").forEach(station -> stations.put(station.path("station").asText(), station));
            JsonNode bar = stations.get("bar");
            assertThat(bar.path("items").asLong()).isEqualTo(2);
            assertThat(bar.path("ready").asLong()).isEqualTo(2);
            assertThat(bar.path("cancelled").asLong()).isEqualTo(1);
            // The clock is the real one moved on: each figure is what was moved, plus the test's own few seconds.
            assertThat(bar.path("averageSeconds").asDouble()).isBetween(120.0, 125.0);
            assertThat(bar.path("medianSeconds").asDouble()).isBetween(120.0, 125.0);
            assertThat(bar.path("p90Seconds").asDouble()).as("90 and 150 s, interpolated").isBetween(144.0, 149.0);
            JsonNode pastry = stations.get("pastry");
            assertThat(pastry.path("items").asLong()).isEqualTo(1);
            assertThat(pastry.path("ready").asLong()).isZero();
            assertThat(pastry.path("averageSeconds").isNull()).isTrue();
            assertThat(report.path("previous").path("stations")).isEmpty();
        }
    }

    private static String latte(Api api, String shift) {
        return require(api.ringSale(Sales.sale("r1", shift, List.of(Sales.item("coffee-latte", null, 1, List.of())),
                List.of(Sales.payment("card", 28_800)))), 201).field("orderId");
    }

    /** Pending to cooking to ready at the bar. */
    private static void bumpToReady(Api api, String orderId) {
        for (int bump = 0; bump < 2; bump++) {
            require(api.post("/api/v1/orders/" + orderId + "/bump", Map.of("station", "bar")), 200);
        }
    }
}
