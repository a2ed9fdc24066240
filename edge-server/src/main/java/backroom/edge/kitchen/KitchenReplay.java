package backroom.edge.kitchen;

import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * kitchen_orders, kitchen_items and kitchen_bumps written again from the order entries, through the
 * same row writes as the live kitchen, at each entry's seq and time (which the live write stamped
 * its rows with):
 *
 * <ul>
 *   <li>{@code order.created}: the order's row (number, type, table, pending, not rushed, one
 *       ticket) and a row per item, pending;
 *   <li>{@code order.ticket_added}: the order's ticket count, the new round's items, and the
 *       order's status and times worked out again (the new items take it back to pending);
 *   <li>{@code order.status_changed} and {@code order.ready}: the items moved to the entry's status
 *       with their times, then the order's; a bump ({@code "how":"bump"}) keeps its bump for a
 *       recall, a status set or a void's cancellation forgets the items' bumps;
 *   <li>{@code order.recalled}: the newest bump of the items it names is taken off (the one the
 *       live recall took back) and the items move back to the entry's status;
 *   <li>{@code order.rushed}: the order's rush.
 * </ul>
 *
 * kitchen_bumps is not a bump bar's passing state: it holds each bump (by screen, bump bar or
 * counter) that a recall may still take back, and every bump, recall, status set and cancellation
 * that changes it is an entry, so a rebuilt kitchen recalls what the old one would have.
 * {@code table.changed} writes nothing: a table is occupied or available by its open orders' rows.
 * A sale's {@code sale.completed} writes no kitchen row itself; its order is the
 * {@code order.created} or {@code order.ticket_added} entry of the same write. The kitchen tickets
 * printed for an order were printed on the old box and are not queued again.
 */
public final class KitchenReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "order.created" -> created(tables, entry, Json.read(entry.payload()));
            case "order.ticket_added" -> ticketAdded(tables, entry, Json.read(entry.payload()));
            case "order.status_changed", "order.ready", "order.recalled" -> moved(tables, entry, Json.read(entry.payload()));
            case "order.rushed" -> {
                JsonNode rushed = Json.read(entry.payload());
                KitchenMoves.markRush(tables.handle(), rushed.path("orderId").asText(), rushed.path("rush").asBoolean());
            }
            default -> { }
        }
    }

    private static void created(RebuiltTables tables, LedgerEntry entry, JsonNode order) {
        KitchenWrites.insertOrder(tables.statements(), order.path("orderId").asText(), order.path("orderNumber").asInt(),
                order.path("orderType").asText(), text(order.path("tableId")), order.path("holdsTable").asBoolean(true), entry.seq(),
                entry.occurredAt());
        items(tables, entry, order);
    }

    private static void ticketAdded(RebuiltTables tables, LedgerEntry entry, JsonNode ticket) {
        String orderId = ticket.path("orderId").asText();
        KitchenWrites.countTickets(tables.handle(), orderId, ticket.path("ticketNo").asInt());
        items(tables, entry, ticket);
        ItemMoves.refresh(tables.handle(), orderId, entry.occurredAt());
    }

    private static void items(RebuiltTables tables, LedgerEntry entry, JsonNode ticket) {
        for (JsonNode item : ticket.path("items")) {
            KitchenWrites.insertItem(tables.statements(), ticket.path("orderId").asText(), item.path("itemNo").asInt(),
                    ticket.path("ticketNo").asInt(), ticket.path("saleId").asText(), sent(entry, item), entry.occurredAt());
        }
    }

    private static void moved(RebuiltTables tables, LedgerEntry entry, JsonNode move) {
        String orderId = move.path("orderId").asText();
        List<Integer> itemNos = new ArrayList<>();
        move.path("items").forEach(itemNo -> itemNos.add(itemNo.asInt()));
        ItemMoves.Bumps bumps = ItemMoves.Bumps.FORGET;
        if (entry.type().equals("order.recalled")) {
            KitchenMoves.takeBack(tables.handle(), orderId, itemNos, newestBump(tables, entry, orderId, itemNos));
            bumps = ItemMoves.Bumps.KEEP;
        } else if (move.path("how").asText().equals("bump")) {
            bumps = ItemMoves.Bumps.ADD;
        }
        ItemMoves.write(tables.handle(), orderId, itemNos, OrderStatus.of(move.path("status").asText()), bumps, entry.seq(),
                entry.occurredAt());
    }

    /**
     * The bump a recall took back: the live recall takes the newest bump at its station, and the
     * items it names are those that bump moved, so it is the newest any of them still keeps.
     */
    private static long newestBump(RebuiltTables tables, LedgerEntry entry, String orderId, List<Integer> itemNos) {
        Long seq = tables.handle()
                .createQuery("SELECT MAX(ledger_seq) FROM kitchen_bumps WHERE order_id = :order AND item_no IN (<items>)")
                .bind("order", orderId)
                .bindList("items", itemNos)
                .mapTo(Long.class)
                .one();
        if (seq == null) {
            throw new IllegalStateException(ExpectedRow.said(entry) + " recalls a bump of order " + orderId
                    + " that no entry before it made");
        }
        return seq;
    }

    /** An item of an order entry as the sale sent it (the entry's item carries every field of it, and more). */
    private static KitchenTicket.Item sent(LedgerEntry entry, JsonNode item) {
        try {
            return Json.MAPPER.treeToValue(item, KitchenTicket.Item.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ExpectedRow.said(entry) + " has an item that is not one: " + item, e);
        }
    }

    private static String text(JsonNode field) {
        return field.isNull() || field.isMissingNode() ? null : field.asText();
    }
}
