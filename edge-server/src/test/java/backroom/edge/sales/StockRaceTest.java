package backroom.edge.sales;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StockRaceTest {

    @Test
    void fiftyConcurrentSalesOfTheLastTenUnitsSellExactlyTen() throws Exception {
        try (TestBox box = TestBox.start(); ExecutorService pool = Executors.newFixedThreadPool(50)) {
            Api api = box.api();
            String shift = api.openShift("r1");
            api.put("/api/v1/catalog/products/cookie", Map.of("name", "Cookie", "price", 10_000, "taxId", "ppn-10",
                    "categoryId", "food", "trackStock", true));
            assertThat(api.post("/api/v1/stock/cookie/adjustments", Map.of("delta", 10, "reason", "delivery")).number("onHand")).isEqualTo(10);
            long headBefore = box.headSeq();
            CountDownLatch go = new CountDownLatch(1);

            List<Future<Reply>> replies = IntStream.range(0, 50)
                    .mapToObj(i -> pool.submit(() -> {
                        go.await();
                        return api.ringSale(Sales.one("r1", shift, "cookie", 11_500));
                    }))
                    .toList();
            go.countDown();

            List<Integer> statuses = replies.stream().map(StockRaceTest::status).toList();
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
            Reply cookie = api.get("/api/v1/catalog").body().path("products").findParents("id").stream()
                    .filter(p -> p.path("id").asText().equals("cookie"))
                    .map(p -> new Reply(200, "", p, p.toString()))
                    .findFirst().orElseThrow();
            assertThat(cookie.number("stockOnHand")).isZero();
            assertThat(box.headSeq()).as("each sale and its kitchen order (food goes to the pastry station)").isEqualTo(headBefore + 20);
            assertThat(box.verifyChain().intact()).isTrue();
            long movements = box.box().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT SUM(delta) FROM stock_movements WHERE product_id = 'cookie'").mapTo(Long.class).one());
            assertThat(movements).isZero();
        }
    }

    private static int status(Future<Reply> reply) {
        try {
            return reply.get().status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
