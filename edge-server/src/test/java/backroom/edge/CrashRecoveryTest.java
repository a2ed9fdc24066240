package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.ChainVerifier;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.testing.Api;
import backroom.edge.testing.ChildBox;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SalesBurst;
import backroom.edge.testing.SalesBurst.Attempt;
import java.nio.file.Path;
import java.util.List;
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
        List<Attempt> attempts;
        try (ChildBox first = ChildBox.start(data)) {
            String shift = first.api().openShift("r1");
            try (SalesBurst burst = SalesBurst.start(first.api(), "r1", shift, CLIENTS)) {
                burst.awaitAnswered(300);
                first.kill();
                burst.close();
                attempts = burst.attempts();
            }
        }
        List<Attempt> acknowledged = attempts.stream().filter(Attempt::answered201).toList();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (ChildBox second = ChildBox.start(data)) {
            Api api = second.api();
            for (Attempt sale : acknowledged) {
                Reply stored = api.get("/api/v1/sales/" + sale.reply().field("saleId"));
                assertThat(stored.status()).as("sale %s answered 201 before the kill", sale.key()).isEqualTo(200);
                assertThat(stored.field("receiptNumber")).isEqualTo(sale.reply().field("receiptNumber"));
            }
            for (Attempt attempt : attempts) {
                Reply retry = api.ringSale(attempt.key(), attempt.body());
                assertThat(retry.status()).isEqualTo(201);
                if (attempt.answered201()) {
                    assertThat(retry.text()).isEqualTo(attempt.reply().text());
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
}
