package backroom.edge.storedvalue;

import backroom.edge.ledger.WriterStatements;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The stored_value_accounts and stored_value_moves rows: written by {@link StoredValue} on the box
 * and by {@link StoredValueReplay} from the entries, each movement under its entry's seq.
 */
final class CardRows {

    private static final String MOVE_COLUMNS = "m.card_number, a.kind, m.delta, m.reason, m.sale_id, m.refund_id, m.balance, m.moved_at";

    private CardRows() {
    }

    /** A new card's account and its first movement. */
    static void open(WriterStatements statements, CardMove move, long seq) {
        statements.update("""
                        INSERT INTO stored_value_accounts (card_number, kind, balance, opened_seq, opened_at)
                        VALUES (?, ?, ?, ?, ?)""",
                move.cardNumber(), move.kind(), move.balance(), seq, move.movedAt().atOffset(ZoneOffset.UTC));
        insertMove(statements, move, seq);
    }

    /** A card's balance set to the movement's, and the movement. */
    static void move(WriterStatements statements, CardMove move, long seq) {
        statements.update("UPDATE stored_value_accounts SET balance = ? WHERE card_number = ?", move.balance(), move.cardNumber());
        insertMove(statements, move, seq);
    }

    private static void insertMove(WriterStatements statements, CardMove move, long seq) {
        statements.update("""
                        INSERT INTO stored_value_moves (ledger_seq, card_number, delta, reason, sale_id, refund_id, balance, moved_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                seq, move.cardNumber(), move.delta(), move.reason(), move.saleId(), move.refundId(), move.balance(),
                move.movedAt().atOffset(ZoneOffset.UTC));
    }

    /** The card's kind and balance as the writer sees them; empty when no card has the number. */
    static Optional<Balance> balanceOf(WriterStatements statements, String number) {
        return statements.queryOne("SELECT kind, balance FROM stored_value_accounts WHERE card_number = ?",
                rs -> new Balance(rs.getString(1), rs.getLong(2)), number);
    }

    /** Every movement {@code saleId} made, in order. */
    static List<CardMove> movesOfSale(WriterStatements statements, String saleId) {
        List<CardMove> moves = new ArrayList<>();
        statements.queryEach("SELECT " + MOVE_COLUMNS + """
                         FROM stored_value_moves m JOIN stored_value_accounts a ON a.card_number = m.card_number
                        WHERE m.sale_id = ? ORDER BY m.ledger_seq""",
                rs -> moves.add(move(rs)), saleId);
        return moves;
    }

    static Optional<CardAccount> find(Handle handle, String number, int most) {
        return handle.createQuery("SELECT card_number, kind, balance, opened_at FROM stored_value_accounts WHERE card_number = :number")
                .bind("number", number)
                .map((rs, ctx) -> new CardAccount(rs.getString("card_number"), rs.getString("kind"), rs.getLong("balance"),
                        rs.getObject("opened_at", OffsetDateTime.class).toInstant(), latestMoves(handle, number, most)))
                .findOne();
    }

    private static List<CardMove> latestMoves(Handle handle, String number, int most) {
        return handle.createQuery("SELECT " + MOVE_COLUMNS + """
                         FROM stored_value_moves m JOIN stored_value_accounts a ON a.card_number = m.card_number
                        WHERE m.card_number = :number ORDER BY m.ledger_seq DESC LIMIT :most""")
                .bind("number", number)
                .bind("most", most)
                .map((rs, ctx) -> move(rs))
                .list();
    }

    private static CardMove move(ResultSet rs) throws SQLException {
        return new CardMove(rs.getString("card_number"), rs.getString("kind"), rs.getLong("delta"), rs.getString("reason"),
                rs.getString("sale_id"), rs.getString("refund_id"), rs.getLong("balance"),
                rs.getObject("moved_at", OffsetDateTime.class).toInstant());
    }

    /** A card's kind and what it holds. */
    record Balance(String kind, long balance) {
    }
}
