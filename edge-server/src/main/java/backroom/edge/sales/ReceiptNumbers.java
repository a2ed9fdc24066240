package backroom.edge.sales;

import java.util.HashMap;
import java.util.Map;
import backroom.edge.ledger.WriterStatements;
import org.jdbi.v3.core.Handle;

/**
 * Gapless receipt numbers per register ({@code r1-000001}, {@code r1-000002}, ...). Taken inside
 * the sale's savepoint, so a refused sale gives its number back. Used on the ledger writer's
 * thread only.
 *
 * <p>The last number taken per register is remembered, and trusted only while the counter row
 * still holds it: after a refused sale or a failed group rolled the row back, the guarded UPDATE
 * matches nothing and the row is read again. One statement per sale instead of two.
 */
final class ReceiptNumbers {

    private final Map<String, Long> lastTaken = new HashMap<>();

    String next(Handle handle, WriterStatements statements, String registerId) {
        Long last = lastTaken.get(registerId);
        long number = last != null && advanced(statements, registerId, last) ? last + 1 : readAndAdvance(handle, registerId);
        lastTaken.put(registerId, number);
        return receiptNumber(registerId, number);
    }

    /** {@code r1-000007}: the register's id, then the number, six digits at least. */
    static String receiptNumber(String registerId, long number) {
        return "%s-%06d".formatted(registerId, number);
    }

    /** The number of a receipt number rung on {@code registerId}: 7 for {@code r1-000007}. */
    static long numberOf(String registerId, String receiptNumber) {
        return Long.parseLong(receiptNumber.substring(registerId.length() + 1));
    }

    /** Makes {@code number} the last one taken on the register: the counter row, as a sale leaves it. */
    static void setLast(Handle handle, String registerId, long number) {
        handle.createUpdate("MERGE INTO receipt_counters (register_id, last_number) KEY (register_id) VALUES (:register, :number)")
                .bind("register", registerId)
                .bind("number", number)
                .execute();
    }

    private static boolean advanced(WriterStatements statements, String registerId, long last) {
        return statements.update("""
                        UPDATE receipt_counters SET last_number = ? + 1
                        WHERE register_id = ? AND last_number = ?""", last, registerId, last) == 1;
    }

    private static long readAndAdvance(Handle handle, String registerId) {
        long number = handle.createQuery("SELECT last_number FROM receipt_counters WHERE register_id = :register")
                .bind("register", registerId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L) + 1;
        setLast(handle, registerId, number);
        return number;
    }
}
