package backroom.edge.sales;

import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRows;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableDisagreement;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The sales, sale_lines, sale_payments, sale_voids, refunds and refund_lines tables held to the
 * {@code sale.completed}, {@code sale.voided} and {@code sale.refunded} entries: every column a
 * payload gives, row for row, and no row that no entry wrote.
 */
public final class SalesAudit implements TableAudit {

    private long sales;
    private long lines;
    private long payments;
    private long voids;
    private long refunds;
    private long refundLines;

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "sale.completed" -> completed(tables, entry, LedgerAudit.payload(entry));
            case "sale.voided" -> voided(tables, entry, LedgerAudit.payload(entry));
            case "sale.refunded" -> refunded(tables, entry, LedgerAudit.payload(entry));
            default -> { }
        }
    }

    private void completed(AuditedTables tables, LedgerEntry entry, JsonNode sale) {
        String id = sale.path("saleId").asText();
        ExpectedRow.in("sales", "id " + id)
                .column("receipt_number", sale.path("receiptNumber"))
                .column("register_id", sale.path("registerId"))
                .column("shift_id", sale.path("shiftId"))
                .column("order_type", sale.path("orderType"))
                .column("table_id", sale.path("tableId"))
                .column("customer_id", sale.path("customerId"))
                .column("currency", sale.path("currency"))
                .column("subtotal", sale.path("subtotal"))
                .column("tax_total", sale.path("taxTotal"))
                .column("service_charge", sale.path("serviceCharge"))
                .column("rounding", sale.path("rounding"))
                .column("grand_total", sale.path("grandTotal"))
                .column("paid", sale.path("paid"))
                .column("change_due", sale.path("change"))
                .column("ledger_seq", entry.seq())
                .time("sold_at", sale.path("soldAt"))
                .column("staff_id", sale.path("by").path("staffId"))
                .column("device_id", sale.path("by").path("deviceId"))
                .checkAgainst(tables.row("SELECT * FROM sales WHERE id = ?", id), entry);
        JsonNode saleLines = sale.path("lines");
        List<Map<String, Object>> lineRows = tables.rows("SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no", id);
        requireCount("sale_lines", "of sale " + id, lineRows.size(), saleLines.size(), entry);
        for (int i = 0; i < saleLines.size(); i++) {
            JsonNode line = saleLines.get(i);
            ExpectedRow.in("sale_lines", "sale " + id + " line " + line.path("lineNo").asInt())
                    .column("line_no", line.path("lineNo"))
                    .column("product_id", line.path("productId"))
                    .column("product_name", line.path("productName"))
                    .column("variant_id", line.path("variantId"))
                    .column("modifier_ids", String.join(",", textsOf(line.path("modifierIds"))))
                    .column("quantity", line.path("quantity"))
                    .column("unit_price", line.path("unitPrice"))
                    .column("discount", line.path("discount"))
                    .column("line_total", line.path("lineTotal"))
                    .column("tax_id", line.path("taxId"))
                    .column("notes", line.path("notes"))
                    .checkAgainst(Optional.of(lineRows.get(i)), entry);
        }
        JsonNode salePayments = sale.path("payments");
        List<Map<String, Object>> paymentRows = tables.rows("SELECT * FROM sale_payments WHERE sale_id = ? ORDER BY line_no", id);
        requireCount("sale_payments", "of sale " + id, paymentRows.size(), salePayments.size(), entry);
        for (int i = 0; i < salePayments.size(); i++) {
            JsonNode payment = salePayments.get(i);
            ExpectedRow.in("sale_payments", "sale " + id + " payment " + (i + 1))
                    .column("line_no", i + 1)
                    .column("method", payment.path("method"))
                    .column("amount", payment.path("amount"))
                    .column("reference", payment.path("reference"))
                    .column("tip", payment.path("tip").asLong(0))
                    .checkAgainst(Optional.of(paymentRows.get(i)), entry);
        }
        sales++;
        lines += saleLines.size();
        payments += salePayments.size();
    }

    private void voided(AuditedTables tables, LedgerEntry entry, JsonNode voided) {
        String saleId = voided.path("saleId").asText();
        ExpectedRow.in("sale_voids", "sale " + saleId)
                .column("reason", voided.path("reason"))
                .column("ledger_seq", entry.seq())
                .stampedAt("voided_at", entry.occurredAt())
                .column("staff_id", voided.path("by").path("staffId"))
                .column("device_id", voided.path("by").path("deviceId"))
                .checkAgainst(tables.row("SELECT * FROM sale_voids WHERE sale_id = ?", saleId), entry);
        voids++;
    }

    private void refunded(AuditedTables tables, LedgerEntry entry, JsonNode refund) {
        String id = refund.path("refundId").asText();
        ExpectedRow.in("refunds", "id " + id)
                .column("sale_id", refund.path("saleId"))
                .column("shift_id", refund.path("shiftId"))
                .column("method", refund.path("method"))
                .column("reference", refund.path("reference"))
                .column("amount", refund.path("amount"))
                .column("reason", refund.path("reason"))
                .column("staff_id", refund.path("by").path("staffId"))
                .column("device_id", refund.path("by").path("deviceId"))
                .column("ledger_seq", entry.seq())
                .time("refunded_at", refund.path("refundedAt"))
                .checkAgainst(tables.row("SELECT * FROM refunds WHERE id = ?", id), entry);
        JsonNode refundedLines = refund.path("lines");
        List<Map<String, Object>> rows = tables.rows("SELECT * FROM refund_lines WHERE refund_id = ? ORDER BY line_no", id);
        requireCount("refund_lines", "of refund " + id, rows.size(), refundedLines.size(), entry);
        List<JsonNode> byLine = sortedByLineNo(refundedLines);
        for (int i = 0; i < byLine.size(); i++) {
            JsonNode line = byLine.get(i);
            ExpectedRow.in("refund_lines", "refund " + id + " line " + line.path("lineNo").asInt())
                    .column("line_no", line.path("lineNo"))
                    .column("quantity", line.path("quantity"))
                    .column("amount", line.path("amount"))
                    .checkAgainst(Optional.of(rows.get(i)), entry);
        }
        refunds++;
        refundLines += refundedLines.size();
    }

    /**
     * Rows of entries after {@code fromSeq} that no entry wrote: one whose ledger_seq is no entry
     * of its kind. Lines, payments and refund lines of a checked sale or refund were counted with
     * it; from the first entry on, one whose sale or refund is gone is found too.
     */
    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        LedgerRows.requireNoOthers(tables, "sales", sales, fromSeq, "'id ' || id", "sale.completed");
        LedgerRows.requireNoOthers(tables, "sale_voids", voids, fromSeq, "'sale ' || sale_id", "sale.voided");
        LedgerRows.requireNoOthers(tables, "refunds", refunds, fromSeq, "'id ' || id", "sale.refunded");
        if (fromSeq == 0) {
            LedgerRows.requireNoOrphans(tables, "sale_lines", lines, "sales", "sale_id", "'sale ' || sale_id || ' line ' || line_no");
            LedgerRows.requireNoOrphans(tables, "sale_payments", payments, "sales", "sale_id", "'sale ' || sale_id || ' payment ' || line_no");
            LedgerRows.requireNoOrphans(tables, "refund_lines", refundLines, "refunds", "refund_id",
                    "'refund ' || refund_id || ' line ' || line_no");
        }
    }

    private static void requireCount(String table, String of, int rows, int expected, LedgerEntry entry) {
        if (rows != expected) {
            throw new TableDisagreement(table + " holds " + rows + " rows " + of + " but " + ExpectedRow.said(entry) + " wrote " + expected);
        }
    }

    private static List<String> textsOf(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<JsonNode> sortedByLineNo(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .sorted(Comparator.comparingInt(line -> line.path("lineNo").asInt())).toList();
    }
}
