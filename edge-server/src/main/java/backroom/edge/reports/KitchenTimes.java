package backroom.edge.reports;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The kitchen's items as its entries tell them: when each was sent (its order or round's entry)
 * and when it was first ready (the first move to ready, or straight to completed); a cancelled
 * item is kept apart. A recall does not undo the first time an item was ready.
 */
final class KitchenTimes {

    private KitchenTimes() {
    }

    static void add(Handle handle, LedgerEntry entry) {
        switch (entry.type()) {
            case "order.created", "order.ticket_added" -> sent(handle, entry, Json.read(entry.payload()));
            case "order.status_changed", "order.ready" -> moved(handle, entry, Json.read(entry.payload()));
            default -> { }
        }
    }

    private static void sent(Handle handle, LedgerEntry entry, JsonNode ticket) {
        for (JsonNode item : ticket.path("items")) {
            handle.createUpdate("""
                            INSERT INTO report_kitchen_items (order_id, item_no, station, sent_at)
                            VALUES (:order, :item, :station, :at)""")
                    .bind("order", ticket.path("orderId").asText())
                    .bind("item", item.path("itemNo").asInt())
                    .bind("station", item.path("station").asText())
                    .bind("at", entry.occurredAt().atOffset(ZoneOffset.UTC))
                    .execute();
        }
    }

    private static void moved(Handle handle, LedgerEntry entry, JsonNode move) {
        List<Integer> items = new ArrayList<>();
        move.path("items").forEach(item -> items.add(item.asInt()));
        if (items.isEmpty()) {
            return;
        }
        String status = move.path("status").asText();
        if (status.equals("ready") || status.equals("completed")) {
            handle.createUpdate("""
                            UPDATE report_kitchen_items SET ready_at = :at
                            WHERE order_id = :order AND item_no IN (<items>) AND ready_at IS NULL""")
                    .bind("at", entry.occurredAt().atOffset(ZoneOffset.UTC))
                    .bind("order", move.path("orderId").asText())
                    .bindList("items", items)
                    .execute();
        } else if (status.equals("cancelled")) {
            handle.createUpdate("UPDATE report_kitchen_items SET cancelled = TRUE WHERE order_id = :order AND item_no IN (<items>)")
                    .bind("order", move.path("orderId").asText())
                    .bindList("items", items)
                    .execute();
        }
    }
}
