package backroom.edge.sales;

import backroom.edge.access.ActorColumns;
import backroom.edge.access.Actor;
import backroom.edge.ledger.WriterStatements;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The sales, sale_lines, sale_payments and sale_voids tables. */
final class SaleTables {

    private static final String SALE_COLUMNS = """
            SELECT s.id, s.receipt_number, s.register_id, s.shift_id, s.order_type, s.table_id, s.customer_id,
                   s.currency, s.subtotal, s.tax_total, s.service_charge, s.rounding, s.grand_total, s.paid,
                   s.change_due, s.ledger_seq, s.sold_at, v.reason AS void_reason,
                   s.staff_id, st.name AS staff_name, st.role AS staff_role, s.device_id, d.name AS device_name
            FROM sales s LEFT JOIN sale_voids v ON v.sale_id = s.id
                LEFT JOIN staff st ON st.id = s.staff_id LEFT JOIN devices d ON d.id = s.device_id
            """;

    /** Who rang or voided a sale whose entry is from before entries named anyone: NULL staff and device, as its rows had. */
    static final Actor NOBODY_NAMED = new Actor(null, null, null, null, null);

    private SaleTables() {
    }

    /** The sale's rows, as the ringing write makes them and as {@link SalesReplay} makes them again from its entry. */
    static void insert(WriterStatements statements, Sale sale) {
        Actor by = sale.by() == null ? NOBODY_NAMED : sale.by();
        statements.update("""
                        INSERT INTO sales (id, receipt_number, register_id, shift_id, order_type, table_id, customer_id,
                            currency, subtotal, tax_total, service_charge, rounding, grand_total, paid, change_due,
                            ledger_seq, sold_at, staff_id, device_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                sale.saleId(), sale.receiptNumber(), sale.registerId(), sale.shiftId(), sale.orderType(), sale.tableId(),
                sale.customerId(), sale.currency(), sale.subtotal(), sale.taxTotal(), sale.serviceCharge(), sale.rounding(),
                sale.grandTotal(), sale.paid(), sale.change(), sale.ledgerSeq(), sale.soldAt().atOffset(ZoneOffset.UTC),
                by.staffId(), by.deviceId());
        statements.batch("""
                        INSERT INTO sale_lines (sale_id, line_no, product_id, product_name, variant_id, modifier_ids, quantity,
                            unit_price, discount, line_total, tax_id, notes)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                sale.lines().stream().map(line -> new Object[] {sale.saleId(), line.lineNo(), line.productId(),
                        line.productName(), line.variantId(), String.join(",", line.modifierIds()), line.quantity(),
                        line.unitPrice(), line.discount(), line.lineTotal(), line.taxId(), line.notes()}).toList());
        List<Object[]> payments = new ArrayList<>();
        for (int i = 0; i < sale.payments().size(); i++) {
            Sale.PaymentLine payment = sale.payments().get(i);
            payments.add(new Object[] {sale.saleId(), i + 1, payment.method(), payment.amount(), payment.reference(), payment.tip()});
        }
        statements.batch("""
                        INSERT INTO sale_payments (sale_id, line_no, method, amount, reference, tip)
                        VALUES (?, ?, ?, ?, ?, ?)""", payments);
    }

    /** The void's row, as the voiding write makes it and as {@link SalesReplay} makes it again from its entry. */
    static void insertVoid(Handle handle, String saleId, String reason, long seq, Instant at, Actor by) {
        handle.createUpdate("""
                        INSERT INTO sale_voids (sale_id, reason, ledger_seq, voided_at, staff_id, device_id)
                        VALUES (:id, :reason, :seq, :at, :staff, :device)""")
                .bind("id", saleId)
                .bind("staff", by.staffId())
                .bind("device", by.deviceId())
                .bind("reason", reason)
                .bind("seq", seq)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    static Optional<Sale> find(Handle handle, String saleId) {
        List<SaleLine> lines = handle.createQuery("""
                        SELECT line_no, product_id, product_name, variant_id, modifier_ids, quantity, unit_price, discount,
                               line_total, tax_id, notes
                        FROM sale_lines WHERE sale_id = :id ORDER BY line_no""")
                .bind("id", saleId)
                .map((rs, ctx) -> new SaleLine(rs.getInt("line_no"), rs.getString("product_id"), rs.getString("product_name"),
                        rs.getString("variant_id"), modifiers(rs.getString("modifier_ids")), rs.getInt("quantity"),
                        rs.getLong("unit_price"), rs.getLong("discount"), rs.getLong("line_total"), rs.getString("tax_id"),
                        rs.getString("notes")))
                .list();
        List<Sale.PaymentLine> payments = handle.createQuery(
                        "SELECT method, amount, reference, tip FROM sale_payments WHERE sale_id = :id ORDER BY line_no")
                .bind("id", saleId)
                .map((rs, ctx) -> new Sale.PaymentLine(rs.getString("method"), rs.getLong("amount"), rs.getString("reference"),
                        rs.getLong("tip")))
                .list();
        return handle.createQuery(SALE_COLUMNS + " WHERE s.id = :id")
                .bind("id", saleId)
                .map((rs, ctx) -> new Sale(
                        rs.getString("id"),
                        rs.getString("receipt_number"),
                        rs.getString("register_id"),
                        rs.getString("shift_id"),
                        rs.getString("order_type"),
                        rs.getString("table_id"),
                        rs.getString("customer_id"),
                        rs.getString("currency"),
                        rs.getString("void_reason") == null ? "completed" : "voided",
                        lines,
                        payments,
                        rs.getLong("subtotal"),
                        rs.getLong("tax_total"),
                        rs.getLong("service_charge"),
                        rs.getLong("rounding"),
                        rs.getLong("grand_total"),
                        rs.getLong("paid"),
                        rs.getLong("change_due"),
                        rs.getLong("ledger_seq"),
                        rs.getObject("sold_at", OffsetDateTime.class).toInstant(),
                        rs.getString("void_reason"),
                        ActorColumns.read(rs),
                        Refunds.ofSale(handle, saleId)))
                .findOne();
    }

    /** Newest first: sales with {@code ledger_seq < beforeSeq} sold in [from, to). */
    static List<SaleSummary> list(Handle handle, Instant from, Instant to, long beforeSeq, int limit) {
        return handle.createQuery("""
                        SELECT s.id, s.receipt_number, s.register_id, s.grand_total, s.ledger_seq, s.sold_at,
                               v.sale_id IS NOT NULL AS voided
                        FROM sales s LEFT JOIN sale_voids v ON v.sale_id = s.id
                        WHERE s.ledger_seq < :before AND s.sold_at >= :from AND s.sold_at < :to
                        ORDER BY s.ledger_seq DESC
                        LIMIT :limit""")
                .bind("before", beforeSeq)
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map((rs, ctx) -> new SaleSummary(rs.getString("id"), rs.getString("receipt_number"), rs.getString("register_id"),
                        rs.getBoolean("voided") ? "voided" : "completed", rs.getLong("grand_total"), rs.getLong("ledger_seq"),
                        rs.getObject("sold_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static List<String> modifiers(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** One row of the sales list. */
    record SaleSummary(String saleId, String receiptNumber, String registerId, String status, long grandTotal,
                       long ledgerSeq, Instant soldAt) {
    }
}
