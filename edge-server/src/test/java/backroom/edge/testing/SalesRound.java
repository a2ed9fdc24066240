package backroom.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/**
 * A fixed number of worked-example sales rung by several tablets at once, so the ledger writer
 * commits many small groups (the garbage a compaction packs); each must be answered 201. And the
 * sales a ledger holds afterwards, to hold the box to the answers.
 */
public final class SalesRound {

    private SalesRound() {
    }

    /** Rings {@code sales} sales on register r1 from {@code tablets} tablets; adds each sale's receipt number to {@code answered} by sale id. */
    public static void ring(Api api, String shift, String round, int sales, int tablets, Map<String, String> answered) {
        int before = answered.size();
        try (ExecutorService pool = Executors.newFixedThreadPool(tablets)) {
            IntStream.range(0, sales).forEach(n -> pool.submit(() -> {
                Reply sale = api.ringSale(round + "-" + n, Sales.twoLargeLattesWithExtraShot("r1", shift));
                assertThat(sale.status()).as("sale %s-%d: %s", round, n, sale).isEqualTo(201);
                answered.put(sale.field("saleId"), sale.field("receiptNumber"));
            }));
        }
        assertThat(answered).hasSize(before + sales);
    }

    /** Every sale in the ledger's sales table: its receipt number by sale id. */
    public static Map<String, String> storedReceiptNumbers(Handle handle) {
        return handle.createQuery("SELECT id, receipt_number FROM sales")
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("receipt_number")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
