package backroom.edge.loyalty;

import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Problem;
import java.util.List;

/**
 * Moves members' points inside the caller's ledger write: each movement checked on the writer's
 * thread against the balance the writes before it left, then its rows and its own
 * {@code loyalty.moved} entry written. A sale's points are earned in the sale's own write, so a
 * retried sale (the same Idempotency-Key) earns nothing more; its void or refund takes them back.
 */
public final class Loyalty {

    /** The payment method that pays with points; its amount is money, a whole number of points' worth. */
    public static final String POINTS = "points";

    private Loyalty() {
    }

    /**
     * The sale's points: what it pays in points taken off the member first (a 409 naming the
     * payment when they hold too few), then what the rest earns at the member's tier, the spend
     * counted toward the next tier. Nothing without a program; with one, {@code customerId} must be
     * a member's (422 naming it).
     */
    public static void onSale(LedgerAppender ledger, String saleId, String customerId, long grandTotal, List<PointsPayment> paidInPoints) {
        if (customerId == null && paidInPoints.isEmpty()) {
            return;
        }
        WriterStatements statements = ledger.statements();
        LoyaltyProgram program = LoyaltyRows.program(statements).orElse(null);
        if (program == null || customerId == null) {
            if (!paidInPoints.isEmpty()) {
                throw Problem.invalid("payments[" + paidInPoints.getFirst().index() + "].method", program == null
                        ? "the store has no loyalty program" : "paying with points needs the sale's customerId");
            }
            return;
        }
        Customer member = LoyaltyRows.customer(statements, "id", customerId)
                .orElseThrow(() -> Problem.invalid("customerId", "no loyalty member " + customerId));
        long paid = 0;
        for (PointsPayment payment : paidInPoints) {
            if (payment.amount() % program.pointValue() != 0) {
                throw Problem.invalid("payments[" + payment.index() + "].amount", "must be a whole number of points at "
                        + program.pointValue() + " each");
            }
            member = move(ledger, program, member, -payment.amount() / program.pointValue(), 0, LoyaltyMove.REDEEMED, saleId, null,
                    "payments[" + payment.index() + "].amount");
            paid += payment.amount();
        }
        long spent = Math.max(0, grandTotal - paid);
        if (spent > 0) {
            LoyaltyProgram.Tier tier = tierOf(program, member);
            long points = LoyaltyProgram.earned(spent, tier.multiplierBp(), program.amountPerPoint());
            move(ledger, program, member, new Change(points, spent, tier.multiplierBp()), LoyaltyMove.EARNED, saleId, null, "customerId");
        }
    }

    /** Takes back every movement {@code saleId} made (a void): its points earned off, its points paid back on. */
    public static void reverseSale(LedgerAppender ledger, String saleId) {
        WriterStatements statements = ledger.statements();
        List<LoyaltyMove> made = LoyaltyRows.movesOfSale(statements, saleId);
        if (made.isEmpty()) {
            return;
        }
        LoyaltyProgram program = LoyaltyRows.program(statements).orElseThrow();
        for (LoyaltyMove move : made) {
            Customer member = LoyaltyRows.customer(statements, "id", move.customerId()).orElseThrow();
            move(ledger, program, member, -move.points(), -move.spend(), LoyaltyMove.VOID, saleId, null, "saleId");
        }
    }

    /**
     * A refund of {@code amount} of the sale: the points its spend earned, less what the spend left
     * after every refund so far still earns (at the sale's multiplier and rate), come off; when the
     * refund is paid in points, {@code amount}'s worth of points go back on.
     */
    public static void onRefund(LedgerAppender ledger, String saleId, String refundId, long amount, boolean inPoints) {
        WriterStatements statements = ledger.statements();
        List<LoyaltyMove> moves = LoyaltyRows.movesOfSale(statements, saleId);
        LoyaltyMove earned = moves.stream().filter(move -> move.kind().equals(LoyaltyMove.EARNED)).findFirst().orElse(null);
        if (earned == null && !inPoints) {
            return;
        }
        LoyaltyProgram program = LoyaltyRows.program(statements)
                .orElseThrow(() -> Problem.invalid("method", "the store has no loyalty program"));
        String customerId = earned != null ? earned.customerId() : moves.stream().map(LoyaltyMove::customerId).findFirst()
                .orElseThrow(() -> Problem.invalid("method", "sale " + saleId + " had no loyalty member to give points back to"));
        Customer member = LoyaltyRows.customer(statements, "id", customerId).orElseThrow();
        if (earned != null) {
            long refundedBefore = 0;
            long takenBefore = 0;
            for (LoyaltyMove move : moves) {
                if (move.kind().equals(LoyaltyMove.REFUND)) {
                    refundedBefore -= move.spend();
                    takenBefore -= move.points();
                }
            }
            long refunded = Math.min(earned.spend(), refundedBefore + amount);
            long stillEarned = LoyaltyProgram.earned(earned.spend() - refunded, earned.multiplierBp(), earned.amountPerPoint());
            member = move(ledger, program, member, -(earned.points() - stillEarned - takenBefore), -(refunded - refundedBefore),
                    LoyaltyMove.REFUND, saleId, refundId, "items");
        }
        if (inPoints) {
            move(ledger, program, member, amount / program.pointValue(), 0, LoyaltyMove.RETURNED, saleId, refundId, "method");
        }
    }

    private static Customer move(LedgerAppender ledger, LoyaltyProgram program, Customer member, long points, long spend, String kind,
                                 String saleId, String refundId, String field) {
        return move(ledger, program, member, new Change(points, spend, 0), kind, saleId, refundId, field);
    }

    /** A movement of {@code change}: a 409 naming {@code field} when it would leave the member below zero points. */
    private static Customer move(LedgerAppender ledger, LoyaltyProgram program, Customer member, Change change, String kind,
                                 String saleId, String refundId, String field) {
        long balance = Math.addExact(member.points(), change.points());
        if (balance < 0) {
            throw Problem.conflict(field, "member " + member.customerId() + " holds " + member.points() + " points, short of "
                    + -change.points());
        }
        long lifetime = Math.addExact(member.lifetimeSpend(), change.spend());
        String tier = change.spend() == 0 ? member.tier() : program.tierFor(lifetime).id();
        LoyaltyMove move = new LoyaltyMove(member.customerId(), change.points(), change.spend(), kind, saleId, refundId, balance, lifetime,
                tier, change.multiplierBp(), program.amountPerPoint(), ledger.now());
        LoyaltyRows.move(ledger.statements(), move, ledger.nextSeq());
        ledger.append(LoyaltyEntries.MOVED, move);
        return new Customer(member.customerId(), member.name(), member.phone(), member.cardNumber(), move.balance(), move.lifetimeSpend(),
                move.tier());
    }

    /** The member's tier as the program now has it (their own, or the first if the program dropped it). */
    private static LoyaltyProgram.Tier tierOf(LoyaltyProgram program, Customer member) {
        return program.tiers().stream().filter(tier -> tier.id().equals(member.tier())).findFirst()
                .orElse(program.tierFor(member.lifetimeSpend()));
    }

    /** Points and spend added (negative: taken off), and the multiplier points were earned at (0 when none were). */
    private record Change(long points, long spend, int multiplierBp) {
    }

    /** A payment in points: its place among the sale's payments and its amount in money. */
    public record PointsPayment(int index, long amount) {
    }
}
