package backroom.edge.loyalty;

import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The bodies of the loyalty routes, each checked whole: every bad field named at once. */
final class LoyaltyRequests {

    static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,19}");
    static final Pattern CARD = Pattern.compile("[0-9A-Za-z-]{6,32}");
    static final Pattern TIER_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    static final long MOST_AMOUNT = 10_000_000_000_000L;
    static final int MOST_TIERS = 10;
    /** x100 at most. */
    static final int MOST_MULTIPLIER_BP = 1_000_000;

    private LoyaltyRequests() {
    }

    /** {@code POST /api/v1/customers}: a new member, found later by phone or card number (at least one). */
    record Join(String name, String phone, String cardNumber) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (name == null || name.isBlank() || name.length() > 200) {
                errors.add(new FieldError("name", "is required (at most 200 characters)"));
            }
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add(new FieldError("phone", "must be 6 to 19 digits, with a leading + for an international number"));
            }
            if (cardNumber != null && !CARD.matcher(cardNumber).matches()) {
                errors.add(new FieldError("cardNumber", "must be 6 to 32 letters, digits or dashes"));
            }
            if (phone == null && cardNumber == null) {
                errors.add(new FieldError("phone", "a phone or a card number is needed to find the member again"));
            }
            refuse(errors);
        }
    }

    /** {@code PUT /api/v1/loyalty/program}. */
    record Program(Long amountPerPoint, Long pointValue, List<LoyaltyProgram.Tier> tiers) {

        LoyaltyProgram validated() {
            List<FieldError> errors = new ArrayList<>();
            if (amountPerPoint == null || amountPerPoint < 1 || amountPerPoint > MOST_AMOUNT) {
                errors.add(new FieldError("amountPerPoint", "must be 1 to " + MOST_AMOUNT + ": the spend that earns a point"));
            }
            if (pointValue == null || pointValue < 1 || pointValue > MOST_AMOUNT) {
                errors.add(new FieldError("pointValue", "must be 1 to " + MOST_AMOUNT + ": what a point pays"));
            }
            if (tiers == null || tiers.isEmpty() || tiers.size() > MOST_TIERS) {
                errors.add(new FieldError("tiers", "must hold 1 to " + MOST_TIERS + " tiers, one at threshold 0"));
                refuse(errors);
            }
            Set<String> ids = new HashSet<>();
            Set<Long> thresholds = new HashSet<>();
            for (int i = 0; i < tiers.size(); i++) {
                LoyaltyProgram.Tier tier = tiers.get(i);
                String at = "tiers[" + i + "]";
                if (tier == null || tier.id() == null || !TIER_ID.matcher(tier.id()).matches() || !ids.add(tier.id())) {
                    errors.add(new FieldError(at + ".id", "must be a distinct id of 1-32 lower-case letters, digits, '_' or '-'"));
                    continue;
                }
                if (tier.name() == null || tier.name().isBlank() || tier.name().length() > 64) {
                    errors.add(new FieldError(at + ".name", "is required (at most 64 characters)"));
                }
                if (tier.threshold() < 0 || tier.threshold() > MOST_AMOUNT || !thresholds.add(tier.threshold())) {
                    errors.add(new FieldError(at + ".threshold", "must be a distinct lifetime spend from 0 to " + MOST_AMOUNT));
                }
                if (tier.multiplierBp() < 1 || tier.multiplierBp() > MOST_MULTIPLIER_BP) {
                    errors.add(new FieldError(at + ".multiplierBp", "must be 1 to " + MOST_MULTIPLIER_BP + " (10000 is x1)"));
                }
            }
            if (errors.isEmpty() && !thresholds.contains(0L)) {
                errors.add(new FieldError("tiers", "one tier must start at threshold 0, where every member joins"));
            }
            refuse(errors);
            return new LoyaltyProgram(amountPerPoint, pointValue, tiers);
        }
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }
}
