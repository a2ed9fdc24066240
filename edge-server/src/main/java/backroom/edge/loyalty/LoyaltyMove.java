package backroom.edge.loyalty;

import java.time.Instant;

/**
 * One movement of a member's points and spend, as its {@code loyalty.moved} entry says and its row
 * keeps: {@code earned} by a sale (at the multiplier and rate it was earned at), {@code redeemed} as
 * a payment, taken back by a {@code void} or a {@code refund}, or points {@code returned} by a refund
 * of a points payment; the balance, lifetime spend and tier after it.
 */
public record LoyaltyMove(String customerId, long points, long spend, String kind, String saleId, String refundId, long balance,
                          long lifetimeSpend, String tier, int multiplierBp, long amountPerPoint, Instant movedAt) {

    public static final String EARNED = "earned";
    public static final String REDEEMED = "redeemed";
    public static final String VOID = "void";
    public static final String REFUND = "refund";
    public static final String RETURNED = "returned";
}
