package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.ChainVerifier;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.testing.Api;
import backroom.edge.testing.ChildBox;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 the real server in the middle of a burst of sales, restart it on the same files: every
 * sale that was answered 201 is there with its receipt number, nothing is there twice, and the
 * ledger's chain holds.
 */
class CrashRecoveryTest {

    static final int CLIENTS = 8;

    @TempDir
    Path data;

    @Test
    void killDashNineMidLoadLosesNoAnsweredSaleAndRepeatsNone() throws Exception {
        String shift;
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        try (ChildBox first = ChildBox.start(data)) {
            Api api = first.api();
            shift = api.openShift("r1");
            AtomicInteger answered = new AtomicInteger();
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> ringUntilTheBoxDies(api, shift, attempts, answered));
                }
                while (answered.get() < 300) {
                    Thread.sleep(5);
                }
                first.kill();
            }
        }
        List<Attempt> acknowledged = attempts.stream().filter(a -> a.reply != null && a.reply.status() == 201).toList();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (ChildBox second = ChildBox.start(data)) {
            Api api = second.api();
            for (Attempt sale : acknowledged) {
                Reply stored = api.get("/api/v1/sales/" + sale.reply.field("saleId"));
                assertThat(stored.status()).as("sale %s answered 201 before the kill", sale.key).isEqualTo(200);
                assertThat(stored.field("receiptNumber")).isEqualTo(sale.reply.field("receiptNumber"));
            }
            for (Attempt attempt : attempts) {
                Reply retry = api.ringSale(attempt.key, attempt.body);
                assertThat(retry.status()).isEqualTo(201);
                if (attempt.reply != null && attempt.reply.status() == 201) {
                    assertThat(retry.text()).isEqualTo(attempt.reply.text());
                }
            }
            assertThat(second.stop()).isTrue();
        }

        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(data), "sa", "")) {
            List<Long> numbers = handle.createQuery(
                            "SELECT CAST(SUBSTRING(receipt_number, 4) AS BIGINT) FROM sales WHERE register_id = 'r1' ORDER BY 1")
                    .mapTo(Long.class).list();
            assertThat(numbers).hasSize(attempts.size());
            assertThat(numbers).isEqualTo(java.util.stream.LongStream.rangeClosed(1, attempts.size()).boxed().toList());
            ChainVerdict verdict = ChainVerifier.verifyAll(handle);
            assertThat(verdict.intact()).as(verdict.problem()).isTrue();
        }
    }

    private static void ringUntilTheBoxDies(Api api, String shift, ConcurrentLinkedQueue<Attempt> attempts, AtomicInteger answered) {
        while (true) {
            Attempt attempt = new Attempt(UUID.randomUUID().toString(), Sales.twoLargeLattesWithExtraShot("r1", shift));
            attempts.add(attempt);
            try {
                attempt.reply = api.ringSale(attempt.key, attempt.body);
                if (attempt.reply.status() == 201) {
                    answered.incrementAndGet();
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }

    /** A sale sent, and its answer if one came back before the kill. */
    static final class Attempt {
        final String key;
        final Map<String, Object> body;
        volatile Reply reply;

        Attempt(String key, Map<String, Object> body) {
            this.key = key;
            this.body = body;
        }
    }
}
