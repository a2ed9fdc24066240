package backroom.edge.stock;

import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Problem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Moves stock within the ledger writer's transaction; refuses a move that would go below zero. */
public final class StockLevels {

    private StockLevels() {
    }

    /**
     * Adds {@code delta} (negative to take away) to the product's stock and records the movement.
     * {@code field} names the request field to blame when stock is short.
     */
    public static long move(WriterStatements statements, StockMove move, String field) {
        long onHand = onHand(statements, move.productId())
                .orElseThrow(() -> Problem.invalid(field, "product " + move.productId() + " does not track stock"));
        long after = Math.addExact(onHand, move.delta());
        if (after < 0) {
            throw Problem.conflict(field, "only " + onHand + " of " + move.productId() + " in stock");
        }
        write(statements, move, after);
        return after;
    }

    /** The product's stock on hand; empty when it keeps none. */
    static Optional<Long> onHand(WriterStatements statements, String productId) {
        return statements.queryOne("SELECT on_hand FROM stock_levels WHERE product_id = ?", rs -> rs.getLong(1), productId);
    }

    /**
     * The rows of a move: the product's stock set to {@code after}, and the movement. Written by
     * {@link #move} on the box and by {@link StockReplay} from the move's entry.
     */
    static void write(WriterStatements statements, StockMove move, long after) {
        statements.update("UPDATE stock_levels SET on_hand = ? WHERE product_id = ?", after, move.productId());
        statements.update("""
                        INSERT INTO stock_movements (product_id, delta, reason, sale_id, ledger_seq, moved_at)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                move.productId(), move.delta(), move.reason(), move.saleId(), move.ledgerSeq(), move.at().atOffset(ZoneOffset.UTC));
    }

    /** The stock a sale took, as its movement rows recorded it: what a void gives back. */
    public static List<StockMove> movesOf(Handle handle, String saleId) {
        return handle.createQuery("""
                        SELECT product_id, delta, reason, sale_id, ledger_seq, moved_at
                        FROM stock_movements WHERE sale_id = :sale AND reason = 'sale' ORDER BY id""")
                .bind("sale", saleId)
                .map((rs, ctx) -> new StockMove(rs.getString("product_id"), rs.getLong("delta"), rs.getString("reason"),
                        rs.getString("sale_id"), rs.getLong("ledger_seq"), rs.getObject("moved_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** One change of stock: why, for which sale if any, and under which ledger entry. */
    public record StockMove(String productId, long delta, String reason, String saleId, long ledgerSeq, Instant at) {
    }
}
