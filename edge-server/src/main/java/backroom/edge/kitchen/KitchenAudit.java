package backroom.edge.kitchen;

import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRows;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableDisagreement;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * kitchen_orders and kitchen_items held to the order entries: each order row and item row as its
 * {@code order.created} or {@code order.ticket_added} entry wrote it. Walked from the first entry,
 * each item's status is the one its last status entry gave it, each order's rush its last
 * {@code order.rushed}, and there is no item no entry made.
 */
public final class KitchenAudit implements TableAudit {

    private static final String ORDERS = "kitchen_orders";
    private static final String ITEMS = "kitchen_items";

    /** "orderId item itemNo" to the status the walked entries gave it. */
    private final Map<String, String> itemStatus = new HashMap<>();
    private final Map<String, Boolean> rush = new HashMap<>();
    private long ordersCreated;

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "order.created" -> created(tables, entry, LedgerAudit.payload(entry));
            case "order.ticket_added" -> itemsOf(tables, entry, LedgerAudit.payload(entry));
            case "order.status_changed", "order.ready", "order.recalled" -> moved(LedgerAudit.payload(entry));
            case "order.rushed" -> rush.put(LedgerAudit.payload(entry).path("orderId").asText(),
                    LedgerAudit.payload(entry).path("rush").asBoolean());
            default -> { }
        }
    }

    private void created(AuditedTables tables, LedgerEntry entry, JsonNode order) {
        String orderId = order.path("orderId").asText();
        ExpectedRow.in(ORDERS, "id " + orderId)
                .column("order_number", order.path("orderNumber"))
                .column("order_type", order.path("orderType"))
                .column("table_id", order.path("tableId"))
                .column("holds_table", order.path("holdsTable").asBoolean(true))
                .column("ledger_seq", entry.seq())
                .stampedAt("created_at", entry.occurredAt())
                .checkAgainst(tables.row("SELECT * FROM " + ORDERS + " WHERE id = ?", orderId), entry);
        ordersCreated++;
        rush.put(orderId, false);
        itemsOf(tables, entry, order);
    }

    private void itemsOf(AuditedTables tables, LedgerEntry entry, JsonNode ticket) {
        String orderId = ticket.path("orderId").asText();
        for (JsonNode item : ticket.path("items")) {
            long itemNo = item.path("itemNo").asLong();
            ExpectedRow.in(ITEMS, "order " + orderId + " item " + itemNo)
                    .column("ticket_no", ticket.path("ticketNo"))
                    .column("sale_id", ticket.path("saleId"))
                    .column("line_no", item.path("lineNo"))
                    .column("station", item.path("station"))
                    .column("product_id", item.path("productId"))
                    .column("name", item.path("name"))
                    .column("variant", item.path("variant"))
                    .column("modifiers", item.path("modifiers").toString())
                    .column("notes", item.path("notes"))
                    .column("quantity", item.path("quantity"))
                    .stampedAt("created_at", entry.occurredAt())
                    .checkAgainst(tables.row("SELECT * FROM " + ITEMS + " WHERE order_id = ? AND item_no = ?", orderId, itemNo), entry);
            itemStatus.put(orderId + " item " + itemNo, OrderStatus.PENDING.wire());
        }
    }

    private void moved(JsonNode change) {
        String orderId = change.path("orderId").asText();
        for (JsonNode itemNo : change.path("items")) {
            itemStatus.put(orderId + " item " + itemNo.asLong(), change.path("status").asText());
        }
    }

    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        LedgerRows.requireNoOthers(tables, ORDERS, ordersCreated, fromSeq, "'id ' || id", "order.created");
        if (fromSeq != 0) {
            return;
        }
        long items = tables.count("SELECT COUNT(*) FROM " + ITEMS);
        if (items != itemStatus.size()) {
            throw new TableDisagreement(ITEMS + " holds " + items + " rows but the ledger's entries wrote " + itemStatus.size());
        }
        for (Map<String, Object> row : tables.rows("SELECT order_id, item_no, status FROM " + ITEMS)) {
            String item = row.get("order_id") + " item " + row.get("item_no");
            if (!Objects.equals(row.get("status"), itemStatus.get(item))) {
                throw new TableDisagreement(ITEMS + " row order " + item + ": status is " + row.get("status")
                        + " but the ledger's entries say " + itemStatus.get(item));
            }
        }
        for (Map<String, Object> row : tables.rows("SELECT id, rush FROM " + ORDERS)) {
            if (!Objects.equals(row.get("rush"), rush.get((String) row.get("id")))) {
                throw new TableDisagreement(ORDERS + " row id " + row.get("id") + ": rush is " + row.get("rush")
                        + " but the ledger's entries say " + rush.get((String) row.get("id")));
            }
        }
    }
}
