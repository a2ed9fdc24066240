package backroom.edge.selforder;

import backroom.edge.sales.LaterPayments;
import backroom.edge.sales.SaleRequest;
import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The bodies of the ordering-from-the-table routes, each checked whole: every bad field named at once. */
final class GuestRequests {

    /** A guest's session travels as {@code Authorization: Guest <session>}: no staff token is one. */
    static final String SCHEME = "Guest ";
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final int MOST_ALLERGENS = 20;
    static final int MOST_ITEMS = 30;

    private GuestRequests() {
    }

    static Problem unauthorized(String message) {
        return new Problem(401, "Unauthorized", "Authorization: " + message, List.of(new FieldError("Authorization", message)));
    }

    /** {@code PUT /api/v1/self-order/tables/{tableId}}. */
    record Table(Boolean payLater, Boolean newCode) {

        void validate(String tableId) {
            if (!ID.matcher(tableId).matches()) {
                throw Problem.invalid("tableId", "must be 1-64 letters, digits, '.', '_' or '-'");
            }
        }
    }

    /** {@code PUT /api/v1/self-order/menu/{productId}}. */
    record Allergens(List<String> allergens) {

        void validate() {
            if (allergens == null || allergens.size() > MOST_ALLERGENS
                    || allergens.stream().anyMatch(a -> a == null || !a.matches("[a-z][a-z -]{0,39}"))) {
                throw Problem.invalid("allergens", "must be a list of at most " + MOST_ALLERGENS
                        + " allergens in lower-case words, e.g. gluten, milk, tree nuts");
            }
        }
    }

    /** {@code POST /api/v1/self-order/sessions}: what the table's QR code carries. */
    record Open(String table, String code) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (table == null || !ID.matcher(table).matches()) {
                errors.add(new FieldError("table", "must be the table named in its QR code"));
            }
            if (code == null || !code.matches("[0-9a-f]{32}")) {
                errors.add(new FieldError("code", "must be the code in the table's QR code"));
            }
            refuse(errors);
        }
    }

    /** {@code POST /api/v1/self-order/orders}: a guest's items; prices are the menu's, never the guest's. */
    record Order(List<SaleRequest.Item> items) {

        void validate() {
            List<FieldError> errors = new ArrayList<>(LaterPayments.itemErrors(items));
            if (errors.isEmpty() && items.size() > MOST_ITEMS) {
                errors.add(new FieldError("items", "at most " + MOST_ITEMS + " items an order"));
            }
            for (int i = 0; items != null && i < items.size(); i++) {
                if (items.get(i) != null && items.get(i).discount() != null) {
                    errors.add(new FieldError("items[" + i + "].discount", "a guest cannot give a discount"));
                }
            }
            refuse(errors);
        }
    }

    /** {@code POST /api/v1/self-order/orders/{id}/payments}: the till rings a waiting order. */
    record Pay(String registerId, String shiftId, List<SaleRequest.Payment> payments) {

        void validate() {
            List<FieldError> errors = new ArrayList<>(LaterPayments.paymentErrors(payments));
            if (registerId == null || registerId.isBlank() || registerId.length() > 64) {
                errors.add(new FieldError("registerId", "is required"));
            }
            if (shiftId == null || shiftId.isBlank() || shiftId.length() > 64) {
                errors.add(new FieldError("shiftId", "is required"));
            }
            refuse(errors);
        }
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }
}
