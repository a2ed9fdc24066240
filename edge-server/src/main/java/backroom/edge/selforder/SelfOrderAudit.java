package backroom.edge.selforder;

import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableDisagreement;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ordering tables held to their entries: each order as the entry that placed it says (its
 * status and sale as its payment's entry leaves them), no order that no entry placed, and each
 * table's code version and paying later, and each product's allergens, as their latest entries say.
 */
public final class SelfOrderAudit implements TableAudit {

    private final Map<String, LedgerEntry> latestTables = new LinkedHashMap<>();
    private final Map<String, LedgerEntry> latestAllergens = new LinkedHashMap<>();
    private final Map<String, JsonNode> paid = new LinkedHashMap<>();
    private final Map<String, LedgerEntry> placed = new LinkedHashMap<>();

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case SelfOrderEntries.TABLE_SET -> latestTables.put(LedgerAudit.payload(entry).path("tableId").asText(), entry);
            case SelfOrderEntries.ALLERGENS_SET -> latestAllergens.put(LedgerAudit.payload(entry).path("productId").asText(), entry);
            case SelfOrderEntries.PLACED -> placed.put(LedgerAudit.payload(entry).path("orderId").asText(), entry);
            case SelfOrderEntries.PAID -> {
                JsonNode payment = LedgerAudit.payload(entry);
                paid.put(payment.path("orderId").asText(), payment);
            }
            default -> { }
        }
    }

    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        placed.forEach((orderId, entry) -> {
            JsonNode order = LedgerAudit.payload(entry);
            JsonNode payment = paid.get(orderId);
            ExpectedRow.in("self_orders", "id " + orderId)
                    .column("order_no", order.path("orderNo"))
                    .column("table_id", order.path("tableId"))
                    .column("status", payment == null ? order.path("status").asText() : SelfOrderEntries.PAID_STATUS)
                    .column("total", order.path("total"))
                    .column("check_id", payment == null ? order.path("checkId") : payment.path("checkId"))
                    .column("sale_id", payment == null ? null : payment.path("saleId").asText())
                    .column("placed_seq", entry.seq())
                    .time("placed_at", order.path("placedAt"))
                    .checkAgainst(tables.row("SELECT * FROM self_orders WHERE id = ?", orderId), entry);
        });
        long orders = tables.count("SELECT COUNT(*) FROM self_orders WHERE placed_seq > ?", fromSeq);
        if (orders != placed.size()) {
            throw new TableDisagreement("self_orders holds " + orders + " orders placed after entry " + fromSeq
                    + " but the ledger's entries placed " + placed.size());
        }
        latestTables.forEach((tableId, entry) -> {
            JsonNode table = LedgerAudit.payload(entry);
            ExpectedRow.in("self_order_tables", "table " + tableId)
                    .column("version", table.path("version"))
                    .column("pay_later", table.path("payLater").asBoolean())
                    .column("set_seq", entry.seq())
                    .checkAgainst(tables.row("SELECT * FROM self_order_tables WHERE table_id = ?", tableId), entry);
        });
        latestAllergens.forEach((productId, entry) -> {
            JsonNode set = LedgerAudit.payload(entry);
            StringBuilder allergens = new StringBuilder();
            set.path("allergens").forEach(a -> allergens.append(allergens.isEmpty() ? "" : ",").append(a.asText()));
            ExpectedRow.in("menu_allergens", "product " + productId)
                    .column("allergens", allergens.toString())
                    .column("set_seq", entry.seq())
                    .checkAgainst(tables.row("SELECT * FROM menu_allergens WHERE product_id = ?", productId), entry);
        });
        if (fromSeq == 0) {
            long held = tables.count("SELECT COUNT(*) FROM self_order_tables");
            if (held != latestTables.size()) {
                throw new TableDisagreement("self_order_tables holds " + held + " tables but the ledger's entries set " + latestTables.size());
            }
        }
    }
}
