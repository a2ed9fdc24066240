package backroom.edge.loyalty;

import backroom.edge.access.Actor;
import java.time.Instant;
import java.util.List;

/** The ledger entries of loyalty, and what each carries. */
public final class LoyaltyEntries {

    public static final String PROGRAM_SET = "loyalty.program_set";
    public static final String JOINED = "customer.joined";
    public static final String MOVED = "loyalty.moved";

    private LoyaltyEntries() {
    }

    public record ProgramSet(long amountPerPoint, long pointValue, List<LoyaltyProgram.Tier> tiers, Actor by) {

        LoyaltyProgram program() {
            return new LoyaltyProgram(amountPerPoint, pointValue, tiers);
        }
    }

    public record Joined(String customerId, String name, String phone, String cardNumber, String tier, Instant joinedAt, Actor by) {
    }
}
