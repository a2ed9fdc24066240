package backroom.edge.checks;

import backroom.edge.access.Actor;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.sales.SaleLine;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * The checks, check_lines and check_parts tables: each row written by one method, which the live
 * write and {@link ChecksReplay} both call, and the reads that make a {@link Check}.
 */
final class CheckRows {

    private static final TypeReference<TreeMap<String, Long>> TAX_BY_RATE = new TypeReference<>() {
    };

    private CheckRows() {
    }

    /** A check just opened: no lines, nothing to pay. */
    record Opened(String checkId, String tableId, String name, String orderType, Integer guests) {
    }

    static void open(WriterStatements statements, Opened check, long seq, Instant at, Actor by) {
        statements.update("""
                        INSERT INTO checks (id, table_id, name, order_type, guests, status, rounds, subtotal, tax_total,
                            service_charge, rounding, grand_total, tax_by_rate, ledger_seq, opened_at, staff_id, device_id)
                        VALUES (?, ?, ?, ?, ?, 'open', 0, 0, 0, 0, 0, 0, '{}', ?, ?, ?, ?)""",
                check.checkId(), check.tableId(), check.name(), check.orderType(), check.guests(), seq, at.atOffset(ZoneOffset.UTC),
                by == null ? null : by.staffId(), by == null ? null : by.deviceId());
    }

    /** Lines taken (a round) or moved in (a merge), their totals now the check's, and any split it had undone. */
    static void addLines(WriterStatements statements, String checkId, List<SaleLine> lines, List<Integer> roundOfLine, CheckTotals totals) {
        Object[][] rows = new Object[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            rows[i] = new Object[] {checkId, line.lineNo(), roundOfLine.get(i), line.productId(), line.productName(), line.variantId(),
                    String.join(",", line.modifierIds()), line.quantity(), line.unitPrice(), line.discount(), line.lineTotal(),
                    line.taxId(), line.notes()};
        }
        statements.batch("""
                        INSERT INTO check_lines (check_id, line_no, round_no, product_id, product_name, variant_id, modifier_ids,
                            quantity, unit_price, discount, line_total, tax_id, notes)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Arrays.asList(rows));
        total(statements, checkId, totals);
    }

    /** The check's totals as they now come to, and any split it had undone: its parts were shares of the old ones. */
    static void total(WriterStatements statements, String checkId, CheckTotals totals) {
        statements.update("""
                        UPDATE checks SET subtotal = ?, tax_total = ?, service_charge = ?, rounding = ?, grand_total = ?,
                            tax_by_rate = ?, discount_total = ?, split_by = NULL
                        WHERE id = ?""",
                totals.subtotal(), totals.taxTotal(), totals.serviceCharge(), totals.rounding(), totals.grandTotal(),
                Json.write(new TreeMap<>(totals.taxByRate())), totals.discount(), checkId);
        statements.update("DELETE FROM check_parts WHERE check_id = ?", checkId);
    }

    /** The check's discount set (or taken off, with neither amount nor percentage), and its totals after it. */
    static void discount(WriterStatements statements, String checkId, CheckDiscount discount, String reason, CheckTotals totals) {
        statements.update("UPDATE checks SET discount_amount = ?, discount_bp = ?, discount_reason = ? WHERE id = ?",
                discount.amount(), discount.percentBp(), discount.isNone() ? null : reason, checkId);
        total(statements, checkId, totals);
    }

    /** A line's price as a supervisor set it, and the check's totals after it. */
    static void price(WriterStatements statements, String checkId, int lineNo, long unitPrice, long lineTotal, CheckTotals totals) {
        statements.update("UPDATE check_lines SET unit_price = ?, line_total = ? WHERE check_id = ? AND line_no = ?",
                unitPrice, lineTotal, checkId, lineNo);
        total(statements, checkId, totals);
    }

    static void countRound(WriterStatements statements, String checkId, int roundNo) {
        statements.update("UPDATE checks SET rounds = ? WHERE id = ?", roundNo, checkId);
    }

    static void moveTo(WriterStatements statements, String checkId, String tableId) {
        statements.update("UPDATE checks SET table_id = ? WHERE id = ?", tableId, checkId);
    }

    /** The check's parts, replacing any it had (none of which was paid). */
    static void split(WriterStatements statements, String checkId, String splitBy, List<Check.Part> parts) {
        statements.update("DELETE FROM check_parts WHERE check_id = ?", checkId);
        statements.batch("""
                        INSERT INTO check_parts (check_id, part_no, line_nos, subtotal, tax_total, service_charge, rounding,
                            grand_total, tax_by_rate)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                parts.stream().map(part -> new Object[] {checkId, part.partNo(),
                        part.lineNos().stream().map(String::valueOf).collect(Collectors.joining(",")), part.subtotal(), part.taxTotal(),
                        part.serviceCharge(), part.rounding(), part.grandTotal(), Json.write(new TreeMap<>(part.taxByRate()))}).toList());
        statements.update("UPDATE checks SET split_by = ? WHERE id = ?", splitBy, checkId);
    }

    static void paid(WriterStatements statements, String checkId, int partNo, String saleId, String receiptNumber) {
        statements.update("UPDATE check_parts SET sale_id = ?, receipt_number = ? WHERE check_id = ? AND part_no = ?",
                saleId, receiptNumber, checkId, partNo);
    }

    /** Closed once paid, or merged into another check. */
    static void close(WriterStatements statements, String checkId, String status, String mergedInto, Instant at) {
        statements.update("UPDATE checks SET status = ?, merged_into = ?, closed_at = ? WHERE id = ?",
                status, mergedInto, at.atOffset(ZoneOffset.UTC), checkId);
    }

    static Optional<Check> find(Handle handle, String checkId) {
        return handle.createQuery("SELECT * FROM checks WHERE id = :id")
                .bind("id", checkId)
                .map((rs, ctx) -> check(handle, rs))
                .findOne();
    }

    /** Checks of a status, oldest first. */
    static List<Check> withStatus(Handle handle, String status, int limit) {
        return handle.createQuery("SELECT * FROM checks WHERE status = :status ORDER BY opened_at, id LIMIT :limit")
                .bind("status", status)
                .bind("limit", limit)
                .map((rs, ctx) -> check(handle, rs))
                .list();
    }

    private static Check check(Handle handle, ResultSet rs) throws SQLException {
        String checkId = rs.getString("id");
        List<Check.Part> parts = parts(handle, checkId);
        long grandTotal = rs.getLong("grand_total");
        long paid = parts.stream().filter(Check.Part::isPaid).mapToLong(Check.Part::grandTotal).sum();
        OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
        return new Check(checkId, rs.getString("table_id"), rs.getString("name"), rs.getString("order_type"),
                (Integer) rs.getObject("guests"), rs.getString("status"), rs.getString("merged_into"), rs.getInt("rounds"),
                lines(handle, checkId), rs.getLong("subtotal"), rs.getLong("tax_total"), rs.getLong("service_charge"),
                rs.getLong("rounding"), grandTotal, taxByRate(rs.getString("tax_by_rate")), (Long) rs.getObject("discount_amount"),
                (Integer) rs.getObject("discount_bp"), rs.getString("discount_reason"), rs.getLong("discount_total"),
                rs.getString("split_by"), parts, paid,
                rs.getString("status").equals(Check.OPEN) ? grandTotal - paid : 0, rs.getLong("ledger_seq"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(), closedAt == null ? null : closedAt.toInstant());
    }

    private static List<SaleLine> lines(Handle handle, String checkId) {
        return handle.createQuery("SELECT * FROM check_lines WHERE check_id = :id ORDER BY line_no")
                .bind("id", checkId)
                .map((rs, ctx) -> new SaleLine(rs.getInt("line_no"), rs.getString("product_id"), rs.getString("product_name"),
                        rs.getString("variant_id"), split(rs.getString("modifier_ids")).toList(), rs.getInt("quantity"),
                        rs.getLong("unit_price"), rs.getLong("discount"), rs.getLong("line_total"), rs.getString("tax_id"),
                        rs.getString("notes")))
                .list();
    }

    private static List<Check.Part> parts(Handle handle, String checkId) {
        return handle.createQuery("SELECT * FROM check_parts WHERE check_id = :id ORDER BY part_no")
                .bind("id", checkId)
                .map((rs, ctx) -> new Check.Part(rs.getInt("part_no"), split(rs.getString("line_nos")).map(Integer::valueOf).toList(),
                        rs.getLong("subtotal"), rs.getLong("tax_total"), rs.getLong("service_charge"), rs.getLong("rounding"),
                        rs.getLong("grand_total"), taxByRate(rs.getString("tax_by_rate")), rs.getString("sale_id"),
                        rs.getString("receipt_number")))
                .list();
    }

    private static Stream<String> split(String joined) {
        return joined.isEmpty() ? Stream.empty() : Arrays.stream(joined.split(","));
    }

    private static Map<String, Long> taxByRate(String json) {
        try {
            return Json.MAPPER.readValue(json, TAX_BY_RATE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check's tax_by_rate is not JSON: " + json, e);
        }
    }
}
