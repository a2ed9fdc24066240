package backroom.edge.sales;

import org.jdbi.v3.core.Handle;

/**
 * Gapless receipt numbers per register ({@code r1-000001}, {@code r1-000002}, ...). Taken inside
 * the sale's savepoint, so a refused sale gives its number back.
 */
final class ReceiptNumbers {

    private ReceiptNumbers() {
    }

    static String next(Handle handle, String registerId) {
        long number = handle.createQuery("SELECT last_number FROM receipt_counters WHERE register_id = :register")
                .bind("register", registerId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L) + 1;
        handle.createUpdate("MERGE INTO receipt_counters (register_id, last_number) KEY (register_id) VALUES (:register, :number)")
                .bind("register", registerId)
                .bind("number", number)
                .execute();
        return "%s-%06d".formatted(registerId, number);
    }
}
