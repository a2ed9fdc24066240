package backroom.edge.loyalty;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** What the loyalty routes show, read outside the writer. */
final class LoyaltyReads {

    private LoyaltyReads() {
    }

    static Optional<LoyaltyProgram> program(Handle handle) {
        return handle.createQuery("SELECT amount_per_point, point_value, tiers FROM loyalty_program WHERE id = 1")
                .map((rs, ctx) -> LoyaltyRows.program(rs))
                .findOne();
    }

    /** The member and their latest {@code most} movements, newest first. */
    static Optional<Member> member(Handle handle, String id, int most) {
        return handle.createQuery("SELECT " + LoyaltyRows.CUSTOMER_COLUMNS + " FROM customers WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> LoyaltyRows.customer(rs))
                .findOne()
                .map(customer -> new Member(customer, handle.createQuery("""
                                SELECT customer_id, points, spend, kind, sale_id, refund_id, balance, lifetime_spend, tier, multiplier_bp,
                                    amount_per_point, moved_at
                                FROM loyalty_moves WHERE customer_id = :id ORDER BY ledger_seq DESC LIMIT :most""")
                        .bind("id", id)
                        .bind("most", most)
                        .map((rs, ctx) -> LoyaltyRows.move(rs))
                        .list()));
    }

    /** A member with their latest movements. */
    record Member(Customer customer, List<LoyaltyMove> moves) {
    }
}
