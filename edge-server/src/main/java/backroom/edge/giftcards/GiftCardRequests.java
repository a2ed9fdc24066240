package backroom.edge.giftcards;

import static backroom.edge.web.FieldChecks.requireId;
import static backroom.edge.web.FieldChecks.throwIfAny;

import backroom.edge.sales.LaterPayments;
import backroom.edge.sales.SaleRequest;
import backroom.edge.storedvalue.CardNumbers;
import backroom.edge.storedvalue.StoredValue;
import backroom.edge.web.FieldError;
import java.util.ArrayList;
import java.util.List;

/** The bodies of the {@code /api/v1/gift-cards} writes, each checked before it is written: every error at once. */
final class GiftCardRequests {

    /** The most one sale puts on a card: a sale's own limit. */
    static final long MOST_AMOUNT = 10_000_000_000_000L;

    private GiftCardRequests() {
    }

    /** {@code POST /api/v1/gift-cards}: a card sold for {@code amount}, under the printed card's number or a new one. */
    record Issue(String number, Long amount, String registerId, String shiftId, List<SaleRequest.Payment> payments) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (number != null && !CardNumbers.valid(number)) {
                errors.add(new FieldError("number", "must be the card's number: 6 to 32 letters, digits or dashes"));
            }
            checkSale(errors, amount, registerId, shiftId, payments);
            throwIfAny(errors);
        }
    }

    /** {@code POST /api/v1/gift-cards/{number}/top-ups}: {@code amount} more on the card, paid as a sale. */
    record TopUp(Long amount, String registerId, String shiftId, List<SaleRequest.Payment> payments) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            checkSale(errors, amount, registerId, shiftId, payments);
            throwIfAny(errors);
        }
    }

    /** The sale that pays for the card: its amount, its register's open shift, and payments in money, not in stored value. */
    private static void checkSale(List<FieldError> errors, Long amount, String registerId, String shiftId,
                                  List<SaleRequest.Payment> payments) {
        if (amount == null || amount < 1 || amount > MOST_AMOUNT) {
            errors.add(new FieldError("amount", "must be between 1 and " + MOST_AMOUNT));
        }
        requireId(errors, "registerId", registerId);
        requireId(errors, "shiftId", shiftId);
        errors.addAll(LaterPayments.paymentErrors(payments));
        if (payments != null) {
            for (int i = 0; i < payments.size(); i++) {
                SaleRequest.Payment payment = payments.get(i);
                if (payment != null && payment.method() != null && StoredValue.KINDS.contains(payment.method())) {
                    errors.add(new FieldError("payments[" + i + "].method", "a gift card is bought with money, not with stored value"));
                }
            }
        }
    }
}
