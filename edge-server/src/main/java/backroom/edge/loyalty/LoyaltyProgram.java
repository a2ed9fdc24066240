package backroom.edge.loyalty;

import java.util.Comparator;
import java.util.List;

/**
 * The store's program: every {@code amountPerPoint} spent earns a point, times the member's tier's
 * multiplier (in basis points: 12,000 is x1.2), rounded down; a point pays {@code pointValue}.
 * Tiers are held by threshold, the first at 0: a member's tier is the highest whose threshold their
 * lifetime spend has reached.
 */
public record LoyaltyProgram(long amountPerPoint, long pointValue, List<Tier> tiers) {

    static final int WHOLE = 10_000;

    public LoyaltyProgram {
        tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::threshold)).toList();
    }

    /** The tier {@code lifetimeSpend} has reached. */
    Tier tierFor(long lifetimeSpend) {
        Tier reached = tiers.getFirst();
        for (Tier tier : tiers) {
            if (tier.threshold() <= lifetimeSpend) {
                reached = tier;
            }
        }
        return reached;
    }

    /** The points {@code spent} earns at {@code multiplierBp}: 69,000 at 50,000 a point and x1.2 is 1. */
    static long earned(long spent, int multiplierBp, long amountPerPoint) {
        return Math.multiplyExact(spent, multiplierBp) / Math.multiplyExact(amountPerPoint, WHOLE);
    }

    /** A tier: its id and name, the lifetime spend that reaches it, and its multiplier in basis points. */
    public record Tier(String id, String name, long threshold, int multiplierBp) {
    }
}
