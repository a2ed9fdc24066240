package backroom.edge.selforder;

import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The self_order_tables, menu_allergens and self_orders rows: written by {@link SelfOrders} on the
 * box and by {@link SelfOrderReplay} from the entries.
 */
final class SelfOrderRows {

    private SelfOrderRows() {
    }

    static void setTable(WriterStatements statements, SelfOrderEntries.TableSet table, long seq) {
        if (statements.update("UPDATE self_order_tables SET version = ?, pay_later = ?, set_seq = ? WHERE table_id = ?",
                table.version(), table.payLater(), seq, table.tableId()) == 0) {
            statements.update("INSERT INTO self_order_tables (table_id, version, pay_later, set_seq) VALUES (?, ?, ?, ?)",
                    table.tableId(), table.version(), table.payLater(), seq);
        }
    }

    static Optional<OrderingTable> table(WriterStatements statements, String tableId) {
        return statements.queryOne("SELECT table_id, version, pay_later FROM self_order_tables WHERE table_id = ?",
                rs -> new OrderingTable(rs.getString(1), rs.getInt(2), rs.getBoolean(3)), tableId);
    }

    static void setAllergens(WriterStatements statements, SelfOrderEntries.AllergensSet set, long seq) {
        String allergens = String.join(",", set.allergens());
        if (statements.update("UPDATE menu_allergens SET allergens = ?, set_seq = ? WHERE product_id = ?", allergens, seq,
                set.productId()) == 0) {
            statements.update("INSERT INTO menu_allergens (product_id, allergens, set_seq) VALUES (?, ?, ?)", set.productId(), allergens,
                    seq);
        }
    }

    static void place(WriterStatements statements, SelfOrderEntries.Placed order, long seq) {
        statements.update("""
                        INSERT INTO self_orders (id, order_no, table_id, status, items, total, check_id, placed_seq, placed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                order.orderId(), order.orderNo(), order.tableId(), order.status(), Json.write(order.lines()), order.total(), order.checkId(),
                seq, order.placedAt().atOffset(ZoneOffset.UTC));
    }

    static void paid(WriterStatements statements, SelfOrderEntries.Paid paid) {
        statements.update("UPDATE self_orders SET status = ?, check_id = ?, sale_id = ? WHERE id = ?", SelfOrderEntries.PAID_STATUS,
                paid.checkId(), paid.saleId(), paid.orderId());
    }

    /** The next order number: one more than the most placed so far. */
    static int nextOrderNo(WriterStatements statements) {
        return statements.queryOne("SELECT COALESCE(MAX(order_no), 0) + 1 FROM self_orders", rs -> rs.getInt(1)).orElse(1);
    }

    /** A table that takes guests' orders: its code's version and whether it pays later. */
    record OrderingTable(String tableId, int version, boolean payLater) {
    }
}
