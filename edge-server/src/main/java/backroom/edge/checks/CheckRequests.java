package backroom.edge.checks;

import static backroom.edge.web.FieldChecks.optionalText;
import static backroom.edge.web.FieldChecks.requireId;
import static backroom.edge.web.FieldChecks.throwIfAny;

import backroom.edge.sales.LaterPayments;
import backroom.edge.sales.SaleRequest;
import backroom.edge.web.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The bodies of the {@code /api/v1/checks} writes, as a tablet sends them, each checked before it is written: every error at once. */
final class CheckRequests {

    static final Set<String> ORDER_TYPES = Set.of("dine_in", "takeaway", "delivery");
    static final int MOST_GUESTS = 100;
    static final int MOST_PARTS = 50;
    static final long MOST_AMOUNT = 10_000_000_000_000L;

    private CheckRequests() {
    }

    /** {@code POST /api/v1/checks}: a table, or a name for a bar tab (or both). */
    record Open(String tableId, String name, String orderType, Integer guests) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if ((tableId == null || tableId.isBlank()) && (name == null || name.isBlank())) {
                errors.add(new FieldError("tableId", "a check needs a table, or a name for a tab"));
            }
            optionalText(errors, "tableId", tableId, 64);
            optionalText(errors, "name", name, 100);
            if (orderType != null && !ORDER_TYPES.contains(orderType)) {
                errors.add(new FieldError("orderType", "must be one of " + ORDER_TYPES));
            }
            if (guests != null && (guests < 1 || guests > MOST_GUESTS)) {
                errors.add(new FieldError("guests", "must be a whole number from 1 to " + MOST_GUESTS));
            }
            throwIfAny(errors);
        }

        String orderTypeOrDineIn() {
            return orderType == null ? "dine_in" : orderType;
        }

        String table() {
            return strippedOrNull(tableId);
        }

        String tabName() {
            return strippedOrNull(name);
        }

        private static String strippedOrNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** {@code POST /api/v1/checks/{id}/rounds}: items as a sale takes them. */
    record Round(List<SaleRequest.Item> items) {

        void validate() {
            throwIfAny(LaterPayments.itemErrors(items));
        }
    }

    /** {@code POST /api/v1/checks/{id}/move}. */
    record Move(String tableId) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            requireId(errors, "tableId", tableId);
            throwIfAny(errors);
        }
    }

    /** {@code POST /api/v1/checks/{id}/merge}: the other check, whose lines come over to this one. */
    record Merge(String fromCheckId) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            requireId(errors, "fromCheckId", fromCheckId);
            throwIfAny(errors);
        }
    }

    /**
     * {@code POST /api/v1/checks/{id}/split}: {@code "by":"items"} with {@code parts}, each part's line
     * numbers (every line in exactly one part); {@code "equally"} with {@code ways}; {@code "amounts"}
     * with {@code amounts}, which must add up to the check's grand total.
     */
    record Split(String by, List<PartLines> parts, Integer ways, List<Long> amounts) {

        static final Set<String> KINDS = Set.of("items", "equally", "amounts");

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (by == null || !KINDS.contains(by)) {
                errors.add(new FieldError("by", "must be one of " + KINDS));
            } else if (by.equals("items")) {
                itemsValid(errors);
            } else if (by.equals("equally")) {
                if (ways == null || ways < 2 || ways > MOST_PARTS) {
                    errors.add(new FieldError("ways", "must be a whole number from 2 to " + MOST_PARTS));
                }
            } else if (amounts == null || amounts.size() < 2 || amounts.size() > MOST_PARTS) {
                errors.add(new FieldError("amounts", "must hold 2 to " + MOST_PARTS + " amounts"));
            } else {
                for (int i = 0; i < amounts.size(); i++) {
                    if (amounts.get(i) == null || amounts.get(i) < 0 || amounts.get(i) > MOST_AMOUNT) {
                        errors.add(new FieldError("amounts[" + i + "]", "must be between 0 and " + MOST_AMOUNT));
                    }
                }
            }
            throwIfAny(errors);
        }

        private void itemsValid(List<FieldError> errors) {
            if (parts == null || parts.size() < 2 || parts.size() > MOST_PARTS) {
                errors.add(new FieldError("parts", "must hold 2 to " + MOST_PARTS + " parts"));
                return;
            }
            Set<Integer> seen = new HashSet<>();
            for (int p = 0; p < parts.size(); p++) {
                PartLines part = parts.get(p);
                if (part == null || part.lineNos() == null || part.lineNos().isEmpty()) {
                    errors.add(new FieldError("parts[" + p + "].lineNos", "must name at least one line"));
                    continue;
                }
                for (Integer lineNo : part.lineNos()) {
                    if (lineNo == null || !seen.add(lineNo)) {
                        errors.add(new FieldError("parts[" + p + "].lineNos", "names line " + lineNo + " twice or not at all"));
                    }
                }
            }
        }
    }

    /**
     * {@code POST /api/v1/checks/{id}/discount}: a fixed {@code amount} or a {@code percentBp} (not
     * both) with its reason; neither takes the check's discount off.
     */
    record Discount(Long amount, Integer percentBp, String reason) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (amount != null && percentBp != null) {
                errors.add(new FieldError("percentBp", "give an amount or a percentage, not both"));
            }
            if (amount != null && (amount < 0 || amount > MOST_AMOUNT)) {
                errors.add(new FieldError("amount", "must be between 0 and " + MOST_AMOUNT));
            }
            if (percentBp != null && (percentBp < 1 || percentBp > 10_000)) {
                errors.add(new FieldError("percentBp", "must be from 1 to 10000 (100%)"));
            }
            if ((amount != null || percentBp != null) && (reason == null || reason.isBlank())) {
                errors.add(new FieldError("reason", "is required"));
            }
            optionalText(errors, "reason", reason, 200);
            throwIfAny(errors);
        }

        CheckDiscount rule() {
            return new CheckDiscount(amount, percentBp);
        }
    }

    /** {@code POST /api/v1/checks/{id}/lines/{lineNo}/price}: the line's new unit price, and why. */
    record PriceOverride(Long unitPrice, String reason) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (unitPrice == null || unitPrice < 0 || unitPrice > MOST_AMOUNT) {
                errors.add(new FieldError("unitPrice", "must be between 0 and " + MOST_AMOUNT));
            }
            if (reason == null || reason.isBlank()) {
                errors.add(new FieldError("reason", "is required"));
            }
            optionalText(errors, "reason", reason, 200);
            throwIfAny(errors);
        }
    }

    /** One part of a split by item: the check's line numbers it pays. */
    record PartLines(List<Integer> lineNos) {
    }

    /**
     * {@code POST /api/v1/checks/{id}/payments}: a part paid on a register's open shift; the part by
     * number, else the first unpaid one (the whole check when it was never split).
     */
    record Pay(String registerId, String shiftId, Integer partNo, List<SaleRequest.Payment> payments) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            requireId(errors, "registerId", registerId);
            requireId(errors, "shiftId", shiftId);
            if (partNo != null && (partNo < 1 || partNo > MOST_PARTS)) {
                errors.add(new FieldError("partNo", "must be a whole number from 1 to " + MOST_PARTS));
            }
            errors.addAll(LaterPayments.paymentErrors(payments));
            throwIfAny(errors);
        }
    }
}
