package backroom.edge.sales;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.WriterStatements;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptNumbersTest {

    @TempDir
    Path dir;

    private final ReceiptNumbers numbers = new ReceiptNumbers();

    @Test
    void aNumberTakenByARefusedSaleIsGivenToTheNextSale() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC()); Handle handle = db.jdbi().open()) {
            handle.begin();
            assertThat(numbers.next(handle, new WriterStatements(handle.getConnection()), "r1")).isEqualTo("r1-000001");
            handle.savepoint("refused");
            assertThat(numbers.next(handle, new WriterStatements(handle.getConnection()), "r1")).isEqualTo("r1-000002");
            handle.rollbackToSavepoint("refused");

            assertThat(numbers.next(handle, new WriterStatements(handle.getConnection()), "r1")).isEqualTo("r1-000002");
            assertThat(numbers.next(handle, new WriterStatements(handle.getConnection()), "r2")).isEqualTo("r2-000001");
            handle.commit();
        }
    }

    @Test
    void numbersTakenInAGroupThatFailedAreTakenAgain() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC()); Handle handle = db.jdbi().open()) {
            handle.begin();
            numbers.next(handle, new WriterStatements(handle.getConnection()), "r1");
            handle.commit();
            handle.begin();
            numbers.next(handle, new WriterStatements(handle.getConnection()), "r1");
            numbers.next(handle, new WriterStatements(handle.getConnection()), "r1");
            handle.rollback();

            handle.begin();
            assertThat(numbers.next(handle, new WriterStatements(handle.getConnection()), "r1")).isEqualTo("r1-000002");
            handle.commit();
        }
    }
}
