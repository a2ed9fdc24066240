package backroom.edge.reports;

import static backroom.edge.reports.SalesReportsAgreeWithZReportsTest.require;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The ledger added up in batches: every batch is taken, to the head, and what they add up to is what one batch would. */
class ReportProjectionTest {

    @Test
    void batchesOfTwoEntriesAddTheLedgerUpToItsHeadAsOneBatchWould() {
        try (TestBox box = TestBox.start()) {
            Api api = box.api();
            String shift = api.openShift("r1");
            for (int i = 0; i < 5; i++) {
                require(api.ringSale(Sales.sale("r1", shift, List.of(Sales.item("food-croissant", null, 1, List.of())),
                        List.of(Sales.payment("card", 25_300)))), 201);
            }
            Jdbi jdbi = box.box().database().jdbi();
            long head = box.headSeq();

            new ReportProjection(jdbi, 2).catchUp();

            try (Handle handle = jdbi.open()) {
                assertThat(handle.createQuery("SELECT applied_seq FROM report_progress").mapTo(Long.class).one()).isEqualTo(head);
                List<Bucket> byBatchesOfTwo = ReportRows.byKey(handle, Bucket.STORE, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));
                assertThat(byBatchesOfTwo).hasSize(1);
                assertThat(byBatchesOfTwo.getFirst().salesCount()).isEqualTo(5);
                assertThat(byBatchesOfTwo.getFirst().amount()).isEqualTo(5 * 25_300);
            }
        }
    }
}
