package backroom.edge.sales;

import backroom.edge.loyalty.Loyalty;
import backroom.edge.storedvalue.CardNumbers;
import backroom.edge.storedvalue.StoredValue;
import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/sales/{id}/refunds}: {@code {"items":[{"lineNo":1,"quantity":1}],"reason":"cold",
 * "method":"cash","shiftId":null}}. No items refunds every unit not refunded yet; no method gives
 * the money back the way the sale's first payment came; no shift means the shift open on the
 * sale's register now. To a gift card or as store credit, the money goes onto the card
 * {@code reference} names, or onto the first of that kind the sale was paid with, or (store credit
 * only) onto a new one.
 */
record RefundRequest(List<Item> items, String reason, String method, String shiftId, String reference) {

    static final Set<String> METHODS = Set.of("cash", "card", "qris", "ewallet", "voucher", StoredValue.GIFT_CARD, StoredValue.STORE_CREDIT, Loyalty.POINTS);

    /** Units of one sale line to give back. */
    record Item(Integer lineNo, Integer quantity) {
    }

    List<Item> itemsOrAll() {
        return items == null ? List.of() : items;
    }

    void validate() {
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            errors.add(new FieldError("reason", "is required (at most 500 characters)"));
        }
        if (method != null && !METHODS.contains(method)) {
            errors.add(new FieldError("method", "must be one of " + String.join(", ", METHODS.stream().sorted().toList())));
        }
        if (reference != null && (!CardNumbers.valid(reference) || method == null || !StoredValue.KINDS.contains(method))) {
            errors.add(new FieldError("reference", "names the gift card or store credit the money goes onto (6 to 32 letters, digits or"
                    + " dashes), with method gift_card or store_credit"));
        }
        if (shiftId != null && (shiftId.isBlank() || shiftId.length() > 64)) {
            errors.add(new FieldError("shiftId", "must name a shift (at most 64 characters)"));
        }
        List<Item> given = itemsOrAll();
        for (int i = 0; i < given.size(); i++) {
            Item item = given.get(i);
            if (item == null || item.lineNo() == null || item.lineNo() < 1) {
                errors.add(new FieldError("items[" + i + "].lineNo", "must be the number of a line of the sale"));
            } else if (given.subList(0, i).stream().anyMatch(other -> other != null && item.lineNo().equals(other.lineNo()))) {
                errors.add(new FieldError("items[" + i + "].lineNo", "names a line already given earlier in items"));
            }
            if (item == null || item.quantity() == null || item.quantity() < 1 || item.quantity() > 10_000) {
                errors.add(new FieldError("items[" + i + "].quantity", "must be a whole number of units from 1"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }
}
