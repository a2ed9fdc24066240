package backroom.edge.loyalty;

import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The loyalty_program, customers and loyalty_moves rows: written by {@link Loyalty} on the box and
 * by {@link LoyaltyReplay} from the entries, each under its entry's seq.
 */
final class LoyaltyRows {

    static final String CUSTOMER_COLUMNS = "id, name, phone, card_number, points, lifetime_spend, tier";
    private static final TypeReference<List<LoyaltyProgram.Tier>> TIERS = new TypeReference<>() {
    };

    private LoyaltyRows() {
    }

    static void setProgram(WriterStatements statements, LoyaltyProgram program, long seq) {
        if (statements.update("UPDATE loyalty_program SET amount_per_point = ?, point_value = ?, tiers = ?, set_seq = ? WHERE id = 1",
                program.amountPerPoint(), program.pointValue(), Json.write(program.tiers()), seq) == 0) {
            statements.update("INSERT INTO loyalty_program (id, amount_per_point, point_value, tiers, set_seq) VALUES (1, ?, ?, ?, ?)",
                    program.amountPerPoint(), program.pointValue(), Json.write(program.tiers()), seq);
        }
    }

    static Optional<LoyaltyProgram> program(WriterStatements statements) {
        return statements.queryOne("SELECT amount_per_point, point_value, tiers FROM loyalty_program WHERE id = 1", LoyaltyRows::program);
    }

    static LoyaltyProgram program(ResultSet rs) throws SQLException {
        try {
            return new LoyaltyProgram(rs.getLong(1), rs.getLong(2), Json.MAPPER.readValue(rs.getString(3), TIERS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the loyalty program's tiers cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static void join(WriterStatements statements, LoyaltyEntries.Joined joined, long seq) {
        statements.update("""
                        INSERT INTO customers (id, name, phone, card_number, points, lifetime_spend, tier, joined_seq, joined_at)
                        VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?)""",
                joined.customerId(), joined.name(), joined.phone(), joined.cardNumber(), joined.tier(), seq,
                joined.joinedAt().atOffset(ZoneOffset.UTC));
    }

    static Optional<Customer> customer(WriterStatements statements, String column, String value) {
        return statements.queryOne("SELECT " + CUSTOMER_COLUMNS + " FROM customers WHERE " + column + " = ?", LoyaltyRows::customer, value);
    }

    /** The member's points, spend and tier set to the movement's, and the movement. */
    static void move(WriterStatements statements, LoyaltyMove move, long seq) {
        statements.update("UPDATE customers SET points = ?, lifetime_spend = ?, tier = ? WHERE id = ?",
                move.balance(), move.lifetimeSpend(), move.tier(), move.customerId());
        statements.update("""
                        INSERT INTO loyalty_moves (ledger_seq, customer_id, points, spend, kind, sale_id, refund_id, balance, lifetime_spend,
                            tier, multiplier_bp, amount_per_point, moved_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                seq, move.customerId(), move.points(), move.spend(), move.kind(), move.saleId(), move.refundId(), move.balance(),
                move.lifetimeSpend(), move.tier(), move.multiplierBp(), move.amountPerPoint(), move.movedAt().atOffset(ZoneOffset.UTC));
    }

    /** Every movement {@code saleId} made, in order. */
    static List<LoyaltyMove> movesOfSale(WriterStatements statements, String saleId) {
        List<LoyaltyMove> moves = new ArrayList<>();
        statements.queryEach("""
                        SELECT customer_id, points, spend, kind, sale_id, refund_id, balance, lifetime_spend, tier, multiplier_bp,
                            amount_per_point, moved_at
                        FROM loyalty_moves WHERE sale_id = ? ORDER BY ledger_seq""", rs -> moves.add(move(rs)), saleId);
        return moves;
    }

    static LoyaltyMove move(ResultSet rs) throws SQLException {
        return new LoyaltyMove(rs.getString("customer_id"), rs.getLong("points"), rs.getLong("spend"), rs.getString("kind"),
                rs.getString("sale_id"), rs.getString("refund_id"), rs.getLong("balance"), rs.getLong("lifetime_spend"), rs.getString("tier"),
                rs.getInt("multiplier_bp"), rs.getLong("amount_per_point"),
                rs.getObject("moved_at", java.time.OffsetDateTime.class).toInstant());
    }

    static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(rs.getString("id"), rs.getString("name"), rs.getString("phone"), rs.getString("card_number"),
                rs.getLong("points"), rs.getLong("lifetime_spend"), rs.getString("tier"));
    }
}
