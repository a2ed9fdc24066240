package backroom.edge.sales;

import static backroom.edge.web.FieldChecks.optionalText;
import static backroom.edge.web.FieldChecks.requireId;

import backroom.edge.loyalty.Loyalty;
import backroom.edge.storedvalue.CardNumbers;
import backroom.edge.storedvalue.StoredValue;
import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The limits a sale request must keep before it is priced: what must be there, what may not be
 * absurd. Everything wrong is reported at once, each error naming its field.
 */
final class SaleRequestRules {

    static final int MAX_ITEMS = 200;
    static final int MAX_QUANTITY = 999;
    static final int MAX_PAYMENTS = 10;
    static final int MAX_MODIFIERS = 20;
    /** 10^13 minor units: beyond any real till, far below where long arithmetic overflows. */
    static final long MAX_AMOUNT = 10_000_000_000_000L;
    static final Set<String> ORDER_TYPES = Set.of("dine_in", "takeaway", "delivery", "retail");
    static final Set<String> METHODS = Set.of("cash", "card", "qris", "ewallet", "voucher", StoredValue.GIFT_CARD,
            StoredValue.STORE_CREDIT, Loyalty.POINTS);
    static final Set<String> TIPPED_METHODS = Set.of("cash", "card");

    private SaleRequestRules() {
    }

    static void check(SaleRequest sale) {
        List<FieldError> errors = new ArrayList<>();
        requireId(errors, "registerId", sale.registerId());
        requireId(errors, "shiftId", sale.shiftId());
        if (sale.orderType() != null && !ORDER_TYPES.contains(sale.orderType())) {
            errors.add(new FieldError("orderType", "must be one of " + ORDER_TYPES));
        }
        optionalText(errors, "tableId", sale.tableId(), 64);
        optionalText(errors, "customerId", sale.customerId(), 64);
        checkItems(errors, sale.items());
        checkPayments(errors, sale.payments());
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }

    static void checkItems(List<FieldError> errors, List<SaleRequest.Item> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "must hold 1 to " + MAX_ITEMS + " items"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            SaleRequest.Item item = items.get(i);
            if (item == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            requireId(errors, at + ".productId", item.productId());
            optionalText(errors, at + ".variantId", item.variantId(), 64);
            if (item.quantity() == null || item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
                errors.add(new FieldError(at + ".quantity", "must be a whole number from 1 to " + MAX_QUANTITY));
            }
            List<String> modifiers = item.modifiers();
            if (modifiers.size() > MAX_MODIFIERS || modifiers.stream().anyMatch(m -> m == null || m.isBlank())
                    || new HashSet<>(modifiers).size() != modifiers.size()) {
                errors.add(new FieldError(at + ".modifierIds", "must be at most " + MAX_MODIFIERS + " distinct ids"));
            }
            optionalText(errors, at + ".notes", item.notes(), 500);
            if (item.discount() != null && (item.discount() < 0 || item.discount() > MAX_AMOUNT)) {
                errors.add(new FieldError(at + ".discount", "must be between 0 and " + MAX_AMOUNT));
            }
        }
    }

    static void checkPayments(List<FieldError> errors, List<SaleRequest.Payment> payments) {
        if (payments == null || payments.isEmpty() || payments.size() > MAX_PAYMENTS) {
            errors.add(new FieldError("payments", "must hold 1 to " + MAX_PAYMENTS + " payments"));
            return;
        }
        for (int i = 0; i < payments.size(); i++) {
            String at = "payments[" + i + "]";
            SaleRequest.Payment payment = payments.get(i);
            if (payment == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            if (payment.method() == null || !METHODS.contains(payment.method())) {
                errors.add(new FieldError(at + ".method", "must be one of " + METHODS));
            }
            if (payment.amount() == null || payment.amount() < 1 || payment.amount() > MAX_AMOUNT) {
                errors.add(new FieldError(at + ".amount", "must be between 1 and " + MAX_AMOUNT));
            }
            if (payment.method() != null && StoredValue.KINDS.contains(payment.method())) {
                if (!CardNumbers.valid(payment.reference())) {
                    errors.add(new FieldError(at + ".reference", "must be the number of the " + payment.method().replace('_', ' ')
                            + " to pay with (6 to 32 letters, digits or dashes)"));
                }
            } else {
                optionalText(errors, at + ".reference", payment.reference(), 200);
            }
            if (payment.tip() != null && (payment.tip() < 0 || payment.tip() > MAX_AMOUNT)) {
                errors.add(new FieldError(at + ".tip", "must be between 0 and " + MAX_AMOUNT));
            } else if (payment.tipOrZero() > 0 && !TIPPED_METHODS.contains(payment.method())) {
                errors.add(new FieldError(at + ".tip", "only a card or cash payment takes a tip"));
            }
        }
    }
}
