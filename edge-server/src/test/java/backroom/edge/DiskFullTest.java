package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.ChainVerifier;
import backroom.edge.ledger.DiskSync;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.testing.Api;
import backroom.edge.testing.PowerCutBox;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SalesBurst;
import backroom.edge.testing.powercut.PowerCut;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: the write that hits it is answered 503 and leaves nothing behind, reads go on, and
 * the box writes again by itself once space is freed.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aDiskFillingUpUnderABurstRefusesWholeGroupsAndLosesNothingOnceFreed() throws Exception {
        List<SalesBurst.Attempt> attempts;
        try (PowerCutBox box = PowerCutBox.start(dir, DiskSync.CHECKPOINT_SYNC)) {
            PowerCut disk = box.power();
            Api api = box.api();
            String shift = api.openShift("r1");
            try (SalesBurst burst = SalesBurst.start(api, "r1", shift, 8)) {
                burst.awaitAnswered(40);
                disk.diskFullAfter(30_000);
                burst.close();
                attempts = burst.attempts();
            }
            List<SalesBurst.Attempt> refused = attempts.stream().filter(a -> !a.answered201()).toList();
            assertThat(refused).isNotEmpty().allSatisfy(a -> {
                assertThat(a.reply()).isNotNull();
                assertThat(a.reply().status()).isEqualTo(503);
            });
            assertThat(api.get("/api/v1/sales?limit=5").status()).isEqualTo(200);

            disk.diskSpaceFreed();
            for (SalesBurst.Attempt attempt : refused) {
                assertThat(api.ringSale(attempt.key(), attempt.body()).status()).isEqualTo(201);
            }
            assertThat(api.get("/observe/health").status()).isEqualTo(200);
        }
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            List<Long> numbers = handle.createQuery("SELECT CAST(SUBSTRING(receipt_number, 4) AS BIGINT) FROM sales ORDER BY 1")
                    .mapTo(Long.class).list();
            assertThat(numbers).isEqualTo(LongStream.rangeClosed(1, attempts.size()).boxed().toList());
            ChainVerdict verdict = ChainVerifier.verifyAll(handle);
            assertThat(verdict.intact()).as(verdict.problem()).isTrue();
        }
    }

    @Test
    void aFullDiskRefusesTheWriteKeepsServingReadsAndRecoversWhenSpaceIsFreed() {
        try (PowerCutBox box = PowerCutBox.start(dir, DiskSync.CHECKPOINT_SYNC)) {
            PowerCut disk = box.power();
            Api api = box.api();
            String shift = api.openShift("r1");
            Reply before = api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));
            assertThat(before.field("receiptNumber")).isEqualTo("r1-000001");
            long head = box.database().writer().head().seq();

            disk.diskFullAfter(0);
            Map<String, Object> sale = Sales.twoLargeLattesWithExtraShot("r1", shift);
            Reply refused = api.ringSale("while-full", sale);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.field("title")).isEqualTo("Ledger unavailable");
            assertThat(box.database().writer().head().seq()).isEqualTo(head);
            assertThat(api.get("/api/v1/sales/" + before.field("saleId")).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/catalog").status()).isEqualTo(200);
            assertThat(api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift)).status()).isEqualTo(503);
            Reply notReady = api.get("/observe/health/ready");
            assertThat(notReady.status()).as("not ready while the ledger cannot write").isEqualTo(503);
            assertThat(notReady.text()).contains("the ledger could not be written");
            assertThat(api.get("/observe/health/live").status()).as("the writer itself still runs").isEqualTo(200);

            disk.diskSpaceFreed();
            Reply retried = api.ringSale("while-full", sale);
            assertThat(api.get("/observe/health/ready").status()).as("ready again once a write went through").isEqualTo(200);
            Reply next = api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));

            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.field("receiptNumber")).isEqualTo("r1-000002");
            assertThat(next.field("receiptNumber")).isEqualTo("r1-000003");
            assertThat(api.ringSale("while-full", sale).text()).isEqualTo(retried.text());
        }
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            List<String> receipts = handle.createQuery("SELECT receipt_number FROM sales ORDER BY receipt_number")
                    .mapTo(String.class).list();
            assertThat(receipts).containsExactly("r1-000001", "r1-000002", "r1-000003");
            int ledgerSales = handle.createQuery("SELECT COUNT(*) FROM ledger WHERE type = 'sale.completed'").mapTo(Integer.class).one();
            int linesless = handle.createQuery("SELECT COUNT(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)")
                    .mapTo(Integer.class).one();
            assertThat(ledgerSales).isEqualTo(3);
            assertThat(linesless).isZero();
            ChainVerdict verdict = ChainVerifier.verifyAll(handle);
            assertThat(verdict.intact()).as(verdict.problem()).isTrue();
        }
    }
}
