package backroom.edge.stock;

import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRows;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableDisagreement;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stock_movements and stock_levels tables held to the entries that move stock: a sale (and an
 * open check's round, under the round's id) takes each line of a product that tracks stock (as the
 * catalog entries before it say), a void gives
 * back what its sale took, a refund what its lines took, an adjustment its delta. Walked from the
 * first entry, every product's stock on hand must be its first stock plus every movement.
 *
 * <p>A walk that starts at the verified point has not seen the catalog entries before it, and the
 * products table says only whether a product tracks stock now, not when it was sold; for a
 * product no walked entry has catalogued, a sale's movement rows themselves say whether it took
 * stock, and each such row must still match its line.
 */
public final class StockAudit implements TableAudit {

    /** Whether a product tracks stock, as the catalog entries walked so far say. */
    private final Map<String, Boolean> tracked = new HashMap<>();
    /** What stock on hand the walked entries add up to, for products that track it. */
    private final Map<String, Long> onHand = new TreeMap<>();
    private long movements;

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "catalog.seeded" -> LedgerAudit.payload(entry).path("products").forEach(this::catalogued);
            case "catalog.product_upserted" -> catalogued(LedgerAudit.payload(entry));
            case "catalog.imported" -> LedgerAudit.payload(entry).path("products").forEach(this::catalogued);
            case "sale.completed" -> sold(tables, entry, LedgerAudit.payload(entry), "saleId", "soldAt");
            case "check.round_added" -> sold(tables, entry, LedgerAudit.payload(entry), "roundId", "takenAt");
            case "sale.voided" -> voided(tables, entry, LedgerAudit.payload(entry));
            case "sale.refunded" -> refunded(tables, entry, LedgerAudit.payload(entry));
            case "stock.adjusted" -> adjusted(tables, entry, LedgerAudit.payload(entry));
            default -> { }
        }
    }

    /** A product's first tracked version sets its stock; later ones keep what is on hand. */
    private void catalogued(JsonNode product) {
        String id = product.path("id").asText();
        boolean tracks = product.path("trackStock").asBoolean();
        tracked.put(id, tracks);
        if (tracks) {
            onHand.putIfAbsent(id, product.path("stockOnHand").asLong(0));
        }
    }

    /** A sale's lines, or an open check's round's, taken under the id and at the time its entry names in those fields. */
    private void sold(AuditedTables tables, LedgerEntry entry, JsonNode sale, String idField, String timeField) {
        String saleId = sale.path(idField).asText();
        List<Object> movedProducts = movementsOf(tables, entry).stream().map(row -> row.get("product_id")).toList();
        List<ExpectedRow> moves = new ArrayList<>();
        List<Move> taken = new ArrayList<>();
        for (JsonNode line : sale.path("lines")) {
            String productId = line.path("productId").asText();
            if (tracked.getOrDefault(productId, movedProducts.contains(productId))) {
                Move move = new Move(productId, -line.path("quantity").asLong());
                taken.add(move);
                moves.add(move.row(saleId, "sale", moves.size()).time("moved_at", sale.path(timeField)));
            }
        }
        requireMoves(tables, entry, moves, taken);
    }

    private void voided(AuditedTables tables, LedgerEntry entry, JsonNode voided) {
        String saleId = voided.path("saleId").asText();
        List<ExpectedRow> moves = new ArrayList<>();
        List<Move> givenBack = new ArrayList<>();
        for (Map<String, Object> sold : tables.rows(
                "SELECT product_id, delta FROM stock_movements WHERE sale_id = ? AND reason = 'sale' ORDER BY id", saleId)) {
            Move move = new Move((String) sold.get("product_id"), -(Long) sold.get("delta"));
            givenBack.add(move);
            moves.add(move.row(saleId, "void", moves.size()).stampedAt("moved_at", entry.occurredAt()));
        }
        requireMoves(tables, entry, moves, givenBack);
    }

    private void refunded(AuditedTables tables, LedgerEntry entry, JsonNode refund) {
        String saleId = refund.path("saleId").asText();
        List<Object> tookStock = tables.rows("SELECT DISTINCT product_id FROM stock_movements WHERE sale_id = ? AND reason = 'sale'", saleId)
                .stream().map(row -> row.get("product_id")).toList();
        List<ExpectedRow> moves = new ArrayList<>();
        List<Move> givenBack = new ArrayList<>();
        for (JsonNode line : refund.path("lines")) {
            Optional<Map<String, Object>> saleLine = tables.row("SELECT product_id FROM sale_lines WHERE sale_id = ? AND line_no = ?",
                    saleId, line.path("lineNo").asLong());
            String productId = saleLine.map(row -> (String) row.get("product_id")).orElse(null);
            if (productId != null && tookStock.contains(productId)) {
                Move move = new Move(productId, line.path("quantity").asLong());
                givenBack.add(move);
                moves.add(move.row(saleId, "refund", moves.size()).time("moved_at", refund.path("refundedAt")));
            }
        }
        requireMoves(tables, entry, moves, givenBack);
    }

    private void adjusted(AuditedTables tables, LedgerEntry entry, JsonNode adjustment) {
        Move move = new Move(adjustment.path("productId").asText(), adjustment.path("delta").asLong());
        ExpectedRow row = move.row(null, adjustment.path("reason").asText(), 0).stampedAt("moved_at", entry.occurredAt());
        requireMoves(tables, entry, List.of(row), List.of(move));
    }

    private static List<Map<String, Object>> movementsOf(AuditedTables tables, LedgerEntry entry) {
        return tables.rows("SELECT * FROM stock_movements WHERE ledger_seq = ? ORDER BY id", entry.seq());
    }

    private void requireMoves(AuditedTables tables, LedgerEntry entry, List<ExpectedRow> expected, List<Move> moves) {
        List<Map<String, Object>> rows = movementsOf(tables, entry);
        if (rows.size() != expected.size()) {
            throw new TableDisagreement("stock_movements holds " + rows.size() + " rows of " + ExpectedRow.said(entry)
                    + ", which moved stock " + expected.size() + " times");
        }
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).column("ledger_seq", entry.seq()).checkAgainst(Optional.of(rows.get(i)), entry);
        }
        moves.forEach(move -> onHand.merge(move.productId(), move.delta(), Long::sum));
        movements += moves.size();
    }

    /** Movements no entry made; from the first entry on, every product's stock on hand as the entries add it up. */
    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        LedgerRows.requireNoOthers(tables, "stock_movements", movements, fromSeq, "'id ' || id",
                "sale.completed", "check.round_added", "sale.voided", "sale.refunded", "stock.adjusted");
        if (fromSeq != 0) {
            return;
        }
        Map<String, Long> levels = new TreeMap<>();
        tables.rows("SELECT product_id, on_hand FROM stock_levels").forEach(row -> levels.put((String) row.get("product_id"),
                (Long) row.get("on_hand")));
        for (Map.Entry<String, Long> level : levels.entrySet()) {
            Long expected = onHand.get(level.getKey());
            if (!level.getValue().equals(expected)) {
                throw new TableDisagreement("stock_levels row product " + level.getKey() + ": on_hand is " + level.getValue()
                        + " but the ledger's entries add up to " + (expected == null ? "no stock kept for it" : expected));
            }
        }
        onHand.keySet().stream().filter(product -> !levels.containsKey(product)).findFirst().ifPresent(product -> {
            throw new TableDisagreement("stock_levels has no row for product " + product + ", whose stock the ledger's entries keep ("
                    + onHand.get(product) + " on hand)");
        });
    }

    private record Move(String productId, long delta) {

        ExpectedRow row(String saleId, String reason, int index) {
            return ExpectedRow.in("stock_movements", "of " + (saleId == null ? "product " + productId : "sale " + saleId) + " #" + (index + 1))
                    .column("product_id", productId)
                    .column("delta", delta)
                    .column("reason", reason)
                    .column("sale_id", saleId);
        }
    }
}
