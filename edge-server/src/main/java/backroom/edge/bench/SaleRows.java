package backroom.edge.bench;

import backroom.edge.access.Actor;
import backroom.edge.access.Role;
import backroom.edge.ledger.CanonicalJson;
import backroom.edge.sales.Sale;
import backroom.edge.sales.SaleLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The rows one rung sale writes, in the box's own tables (created by its migrations): the receipt
 * counter, the sale, its line and payment, its idempotency key and its ledger entry with a
 * payload of the real size. Plain JDBC, no checks, no pricing, no HTTP: the raw baselines.
 */
final class SaleRows implements AutoCloseable {

    private final String payload;
    private final String response;
    private final PreparedStatement counter;
    private final PreparedStatement sale;
    private final PreparedStatement line;
    private final PreparedStatement payment;
    private final PreparedStatement key;
    private final PreparedStatement ledger;

    SaleRows(Connection c) throws SQLException {
        Sale example = new Sale("00000000-0000-7000-8000-000000000000", "r1-000001", "r1", "shift-1", "takeaway", null, null,
                "IDR", "completed",
                List.of(new SaleLine(1, "coffee-latte", "Latte", "large", List.of("extra-shot"), 2, 30_000, 0, 60_000, "ppn-10", null)),
                List.of(new Sale.PaymentLine("cash", 100_000, null, 0)),
                60_000, 6_000, 3_000, 0, 69_000, 100_000, 31_000, 1, Instant.now(), null,
                new Actor("00000000-0000-7000-8000-000000000001", "Technician", Role.TECHNICIAN,
                        "00000000-0000-7000-8000-000000000002", "First terminal"), List.of());
        payload = CanonicalJson.write(example);
        response = "{\"saleId\":\"" + example.saleId() + "\",\"receiptNumber\":\"r1-000001\",\"currency\":\"IDR\",\"subtotal\":60000,"
                + "\"taxTotal\":6000,\"serviceCharge\":3000,\"rounding\":0,\"grandTotal\":69000,\"paid\":100000,\"change\":31000,"
                + "\"ledgerSeq\":1,\"orderId\":null}";
        c.createStatement().execute("INSERT INTO receipt_counters (register_id, last_number) VALUES ('r1', 0)");
        counter = c.prepareStatement("UPDATE receipt_counters SET last_number = ? WHERE register_id = 'r1'");
        sale = c.prepareStatement("""
                INSERT INTO sales (id, receipt_number, register_id, shift_id, order_type, table_id, customer_id, currency,
                    subtotal, tax_total, service_charge, rounding, grand_total, paid, change_due, ledger_seq, sold_at,
                    staff_id, device_id)
                VALUES (?, ?, 'r1', 'shift-1', 'takeaway', NULL, NULL, 'IDR', 60000, 6000, 3000, 0, 69000, 100000, 31000, ?, ?,
                    '00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000002')""");
        line = c.prepareStatement("""
                INSERT INTO sale_lines (sale_id, line_no, product_id, product_name, variant_id, modifier_ids, quantity,
                    unit_price, discount, line_total, tax_id, notes)
                VALUES (?, 1, 'coffee-latte', 'Latte', 'large', 'extra-shot', 2, 30000, 0, 60000, 'ppn-10', NULL)""");
        payment = c.prepareStatement("INSERT INTO sale_payments (sale_id, line_no, method, amount, reference) VALUES (?, 1, 'cash', 100000, NULL)");
        key = c.prepareStatement(
                "INSERT INTO idempotency_keys (ledger_seq, idem_key, request_hash, status, response, created_at) VALUES (?, ?, ?, 201, ?, ?)");
        ledger = c.prepareStatement("INSERT INTO ledger (seq, type, occurred_at, payload, prev_hash, hash) VALUES (?, 'sale.completed', ?, ?, ?, ?)");
    }

    /** Writes sale number {@code n} (from 1), as the box would. */
    void insert(long n) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String saleId = "%020d".formatted(n);
        String hash = "%064x".formatted(n);
        counter.setLong(1, n);
        counter.executeUpdate();
        sale.setString(1, saleId);
        sale.setString(2, "r1-%06d".formatted(n));
        sale.setLong(3, n);
        sale.setObject(4, now);
        sale.executeUpdate();
        line.setString(1, saleId);
        line.executeUpdate();
        payment.setString(1, saleId);
        payment.executeUpdate();
        key.setLong(1, n);
        key.setString(2, UUID.randomUUID().toString());
        key.setString(3, hash);
        key.setString(4, response);
        key.setObject(5, now);
        key.executeUpdate();
        ledger.setLong(1, n);
        ledger.setObject(2, now);
        ledger.setString(3, payload);
        ledger.setString(4, hash);
        ledger.setString(5, hash);
        ledger.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[] {counter, sale, line, payment, key, ledger}) {
            statement.close();
        }
    }
}
