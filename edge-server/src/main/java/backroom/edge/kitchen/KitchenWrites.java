package backroom.edge.kitchen;

import backroom.edge.access.Actor;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.printing.KitchenSlip;
import backroom.edge.printing.PrintQueue;
import backroom.edge.web.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a sale does to the kitchen, inside the sale's own ledger write: its ticket opens an order
 * ({@code order.created}) or adds a second round to its table's open one
 * ({@code order.ticket_added}); its void cancels what of it is not yet done.
 */
public final class KitchenWrites {

    /** The station that sees every item of every order, and bumps whole orders. */
    public static final String EXPO = "expo";
    /** Order numbers run 1 to this, then start again: enough to tell a day's open orders apart. */
    static final int LAST_ORDER_NUMBER = 999;

    private KitchenWrites() {
    }

    /**
     * Sends a sale's lines to their stations, and queues each station's ticket on its kitchen
     * printer. Returns the order's id; empty for a retail sale or one with nothing a station makes.
     */
    public static Optional<String> send(Handle handle, LedgerAppender ledger, KitchenTicket ticket, Actor by, PrintQueue printing) {
        if (ticket.items().isEmpty() || "retail".equals(ticket.orderType())) {
            return Optional.empty();
        }
        Instant now = ledger.now();
        String tableId = "dine_in".equals(ticket.orderType()) ? ticket.tableId() : null;
        List<String> openOnTable = tableId == null ? List.of() : KitchenRows.openOrdersOn(handle, tableId);
        boolean secondRound = !openOnTable.isEmpty();
        boolean tableWasTaken = Tables.isTaken(handle, tableId);
        String orderId = secondRound ? openOnTable.getFirst() : ticket.saleId();
        // A new order's row and items are built from what this write puts in them, not read back.
        KitchenOrder opened = secondRound ? null : open(ledger, orderId, ticket, tableId, now);
        int ticketNo = secondRound ? addTicket(handle, orderId) : 1;
        int firstItem = secondRound ? nextItemNo(ledger.statements(), orderId) : 1;
        List<KitchenOrder.Item> sent = new ArrayList<>();
        List<KitchenTicket.Item> items = ticket.items();
        for (int i = 0; i < items.size(); i++) {
            KitchenTicket.Item item = items.get(i);
            insertItem(ledger.statements(), orderId, firstItem + i, ticketNo, ticket.saleId(), item, now);
            sent.add(new KitchenOrder.Item(firstItem + i, ticketNo, ticket.saleId(), item.lineNo(), item.station(), item.productId(),
                    item.name(), item.variant(), item.modifiers(), item.notes(), item.quantity(), OrderStatus.PENDING.wire(), now, null,
                    null, null));
        }
        if (secondRound) {
            // New pending items take the order back to pending (a new order's row starts there).
            ItemMoves.refresh(handle, orderId, now);
        }
        KitchenOrder order = secondRound ? KitchenRows.find(handle, orderId).orElseThrow() : opened;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("orderId", orderId);
        entry.put("orderNumber", order.orderNumber());
        entry.put("orderType", order.orderType());
        entry.put("tableId", order.tableId());
        entry.put("ticketNo", ticketNo);
        entry.put("saleId", ticket.saleId());
        entry.put("status", order.status());
        entry.put("rush", order.rush());
        if (!secondRound && !ticket.holdsTable()) {
            entry.put("holdsTable", false);
        }
        entry.put("stations", stationsOf(sent));
        entry.put("items", sent);
        entry.put("by", by);
        long seq = ledger.append(secondRound ? "order.ticket_added" : "order.created", entry);
        for (String station : stationsOf(sent)) {
            printing.kitchen(ledger, seq, slip(order, ticketNo, station, sent, now));
        }
        Tables.announceIfChanged(handle, ledger, tableId, tableWasTaken);
        return Optional.of(orderId);
    }

    /**
     * A voided sale's items that are not yet completed are cancelled, in one
     * {@code order.status_changed} entry; nothing when none are left.
     */
    public static void cancelSale(Handle handle, LedgerAppender ledger, String saleId, Actor by) {
        Optional<String> orderId = handle.createQuery("SELECT DISTINCT order_id FROM kitchen_items WHERE sale_id = :sale")
                .bind("sale", saleId).mapTo(String.class).findFirst();
        if (orderId.isEmpty()) {
            return;
        }
        KitchenOrder order = KitchenRows.find(handle, orderId.get()).orElseThrow();
        List<KitchenOrder.Item> open = order.items().stream()
                .filter(item -> item.saleId().equals(saleId) && OrderStatus.of(item.status()).isOpen())
                .toList();
        if (!open.isEmpty()) {
            ItemMoves.move(handle, ledger, order, open, OrderStatus.CANCELLED, "order.status_changed",
                    Map.of("reason", "sale " + saleId + " voided"), ItemMoves.Bumps.FORGET, by);
        }
    }

    /**
     * The stations {@code items} are made at, each once, in order: an entry names them so that a
     * screen following some stations gets only what concerns them.
     */
    static List<String> stationsOf(List<KitchenOrder.Item> items) {
        return items.stream().map(KitchenOrder.Item::station).distinct().toList();
    }

    /** What a station's printer prints of this ticket: its own items only. */
    private static KitchenSlip slip(KitchenOrder order, int ticketNo, String station, List<KitchenOrder.Item> sent, Instant now) {
        List<KitchenSlip.Item> items = sent.stream().filter(item -> item.station().equals(station))
                .map(item -> new KitchenSlip.Item(item.quantity(), item.name(), item.variant(), item.modifiers(), item.notes()))
                .toList();
        return new KitchenSlip(order.orderId(), order.orderNumber(), order.orderType(), order.tableId(), station, ticketNo, order.rush(), now,
                items);
    }

    /** A new order's row, pending on its first ticket; returns it as it stands, without its items. */
    private static KitchenOrder open(LedgerAppender ledger, String orderId, KitchenTicket ticket, String tableId, Instant now) {
        int number = ledger.statements().queryOne("SELECT order_number FROM kitchen_orders ORDER BY ledger_seq DESC LIMIT 1",
                rs -> rs.getInt(1)).orElse(0) % LAST_ORDER_NUMBER + 1;
        long seq = ledger.nextSeq();
        insertOrder(ledger.statements(), orderId, number, ticket.orderType(), tableId, ticket.holdsTable(), seq, now);
        return new KitchenOrder(orderId, number, ticket.orderType(), tableId, OrderStatus.PENDING.wire(), false, 1, seq, now, null, null,
                null, List.of());
    }

    /** The number the next item of an open order takes. */
    private static int nextItemNo(WriterStatements statements, String orderId) {
        return statements.queryOne("SELECT COALESCE(MAX(item_no), 0) + 1 FROM kitchen_items WHERE order_id = ?", rs -> rs.getInt(1),
                orderId).orElseThrow();
    }

    /** The row of an order opened by entry {@code seq} ({@code order.created}): pending, on its first ticket. */
    static void insertOrder(WriterStatements statements, String orderId, int number, String orderType, String tableId,
                            boolean holdsTable, long seq, Instant now) {
        statements.update("""
                        INSERT INTO kitchen_orders (id, order_number, order_type, table_id, holds_table, status, rush, tickets,
                            ledger_seq, created_at)
                        VALUES (?, ?, ?, ?, ?, 'pending', FALSE, 1, ?, ?)""",
                orderId, number, orderType, tableId, holdsTable, seq, now.atOffset(ZoneOffset.UTC));
    }

    /** The row of one item of ticket {@code ticketNo}, pending at its station. */
    static void insertItem(WriterStatements statements, String orderId, int itemNo, int ticketNo, String saleId,
                           KitchenTicket.Item item, Instant now) {
        statements.update("""
                        INSERT INTO kitchen_items (order_id, item_no, ticket_no, sale_id, line_no, station, product_id, name, variant,
                                                   modifiers, notes, quantity, status, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)""",
                orderId, itemNo, ticketNo, saleId, item.lineNo(), item.station(), item.productId(), item.name(),
                item.variant(), Json.write(item.modifiers()), item.notes(), item.quantity(), now.atOffset(ZoneOffset.UTC));
    }

    /** One more ticket on an open order; returns its number. */
    private static int addTicket(Handle handle, String orderId) {
        int ticketNo = handle.createQuery("SELECT tickets + 1 FROM kitchen_orders WHERE id = :id").bind("id", orderId)
                .mapTo(Integer.class).one();
        countTickets(handle, orderId, ticketNo);
        return ticketNo;
    }

    /** The order has {@code tickets} tickets now ({@code order.ticket_added} names the newest). */
    static void countTickets(Handle handle, String orderId, int tickets) {
        handle.createUpdate("UPDATE kitchen_orders SET tickets = :ticket WHERE id = :id").bind("ticket", tickets).bind("id", orderId)
                .execute();
    }
}
