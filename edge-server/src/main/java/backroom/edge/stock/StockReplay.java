package backroom.edge.stock;

import backroom.edge.catalog.CatalogWrites;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.stock.StockLevels.StockMove;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stock_levels and stock_movements tables written again from the entries that set or move
 * stock, as {@link StockAudit} holds them: a product catalogued as tracking stock starts at its
 * {@code stockOnHand} ({@link CatalogWrites#startStock}); a sale (and an open check's round, under
 * the round's id) takes each line of a product that tracked stock when it was rung, as the catalog entries before it say; a void gives back what its
 * sale took, a refund what its lines took, an adjustment its delta. Each move's rows are written
 * by {@link StockLevels#write}, as on the box; a void's and an adjustment's time is its entry's.
 *
 * <p>Both tables refer to products: the catalog's replay must have written an entry's products
 * before this one runs on it. A movement's {@code id} is counted afresh, so it matches the old
 * box's unless the old box lost numbers to a sale refused after one of its lines took stock.
 */
public final class StockReplay implements TableReplay {

    private static final String SALE_PAYLOAD = "SELECT payload FROM ledger WHERE seq = ?";

    /** Whether each product tracks stock, as the catalog entries replayed so far say. */
    private final Map<String, Boolean> tracksStock = new HashMap<>();

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "catalog.seeded", "catalog.imported" -> payload(entry).path("products").forEach(product -> catalogued(tables, product));
            case "catalog.product_upserted" -> catalogued(tables, payload(entry));
            case "sale.completed" -> sold(tables, entry, payload(entry), "saleId", "soldAt");
            case "check.round_added" -> sold(tables, entry, payload(entry), "roundId", "takenAt");
            case "sale.voided" -> voided(tables, entry, payload(entry));
            case "sale.refunded" -> refunded(tables, entry, payload(entry));
            case "stock.adjusted" -> adjusted(tables, entry, payload(entry));
            default -> { }
        }
    }

    private void catalogued(RebuiltTables tables, JsonNode product) {
        String id = product.path("id").asText();
        boolean tracks = product.path("trackStock").asBoolean();
        tracksStock.put(id, tracks);
        if (tracks) {
            CatalogWrites.startStock(tables.handle(), id, product.path("stockOnHand").asLong(0));
        }
    }

    /** A sale's lines, or an open check's round's, taken under the id and at the time its entry names in those fields. */
    private void sold(RebuiltTables tables, LedgerEntry entry, JsonNode sale, String idField, String timeField) {
        String saleId = sale.path(idField).asText();
        Instant soldAt = Instant.parse(sale.path(timeField).asText());
        for (JsonNode line : sale.path("lines")) {
            String productId = line.path("productId").asText();
            if (tracksStock.getOrDefault(productId, false)) {
                move(tables, entry, new StockMove(productId, -line.path("quantity").asLong(), "sale", saleId, entry.seq(), soldAt));
            }
        }
    }

    private static void voided(RebuiltTables tables, LedgerEntry entry, JsonNode voided) {
        String saleId = voided.path("saleId").asText();
        for (StockMove sold : StockLevels.movesOf(tables.handle(), saleId)) {
            move(tables, entry, new StockMove(sold.productId(), -sold.delta(), "void", saleId, entry.seq(), entry.occurredAt()));
        }
    }

    /**
     * A refund names its sale's lines by number; which product each line is, the sale's own entry
     * says (the one its stock movements point to). A sale that took no stock gets none back.
     */
    private static void refunded(RebuiltTables tables, LedgerEntry entry, JsonNode refund) {
        String saleId = refund.path("saleId").asText();
        List<StockMove> taken = StockLevels.movesOf(tables.handle(), saleId);
        if (taken.isEmpty()) {
            return;
        }
        Set<String> tookStock = new HashSet<>();
        taken.forEach(move -> tookStock.add(move.productId()));
        Map<Integer, String> products = new HashMap<>();
        saleEntry(tables, taken.getFirst().ledgerSeq()).path("lines")
                .forEach(line -> products.put(line.path("lineNo").asInt(), line.path("productId").asText()));
        Instant refundedAt = Instant.parse(refund.path("refundedAt").asText());
        for (JsonNode line : refund.path("lines")) {
            String productId = products.get(line.path("lineNo").asInt());
            if (tookStock.contains(productId)) {
                move(tables, entry, new StockMove(productId, line.path("quantity").asLong(), "refund", saleId, entry.seq(), refundedAt));
            }
        }
    }

    private static void adjusted(RebuiltTables tables, LedgerEntry entry, JsonNode adjustment) {
        move(tables, entry, new StockMove(adjustment.path("productId").asText(), adjustment.path("delta").asLong(),
                adjustment.path("reason").asText(), null, entry.seq(), entry.occurredAt()));
    }

    private static void move(RebuiltTables tables, LedgerEntry entry, StockMove move) {
        long onHand = StockLevels.onHand(tables.statements(), move.productId()).orElseThrow(() -> new IllegalStateException(
                ExpectedRow.said(entry) + " moves the stock of product " + move.productId() + ", which no entry before it made track stock"));
        StockLevels.write(tables.statements(), move, Math.addExact(onHand, move.delta()));
    }

    private static JsonNode saleEntry(RebuiltTables tables, long seq) {
        return tables.statements().queryOne(SALE_PAYLOAD, rs -> Json.read(rs.getString(1)), seq).orElseThrow();
    }

    private static JsonNode payload(LedgerEntry entry) {
        return Json.read(entry.payload());
    }
}
