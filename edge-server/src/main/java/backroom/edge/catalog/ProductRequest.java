package backroom.edge.catalog;

import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The body of {@code PUT /api/v1/catalog/products/{id}}. Stock is not set here but by adjustments. */
record ProductRequest(
        String id,
        String sku,
        String barcode,
        String name,
        String categoryId,
        Long price,
        String taxId,
        Boolean trackStock,
        String station,
        List<Variant> variants,
        List<Modifier> modifiers) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final long MAX_PRICE = 1_000_000_000_000L;
    /** The columns' widths: a longer value would reach the database and fail there as a 500. */
    private static final int MAX_CODE = 64;
    static final int MAX_NAME = 200;

    Product toProduct(String pathId, Set<String> taxIds, Set<String> categoryIds) {
        List<FieldError> errors = new ArrayList<>();
        if (!ID.matcher(pathId).matches()) {
            errors.add(new FieldError("id", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (id != null && !id.equals(pathId)) {
            errors.add(new FieldError("id", "does not match the id in the path"));
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "is required (at most " + MAX_NAME + " characters)"));
        }
        checkLength(errors, "sku", sku, MAX_CODE);
        checkLength(errors, "barcode", barcode, MAX_CODE);
        checkLength(errors, "station", station, MAX_CODE);
        boolean priceInRange = price != null && price >= 0 && price <= MAX_PRICE;
        if (!priceInRange) {
            errors.add(new FieldError("price", "must be between 0 and " + MAX_PRICE));
        }
        if (taxId != null && !taxIds.contains(taxId)) {
            errors.add(new FieldError("taxId", "no tax rate " + taxId));
        }
        if (categoryId != null && !categoryIds.contains(categoryId)) {
            errors.add(new FieldError("categoryId", "no category " + categoryId));
        }
        // Out-of-range prices and deltas are refused on their own; adding one to the other could overflow.
        if (priceInRange && variants != null) {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get(i);
                if (variant != null && Math.abs(variant.priceDelta()) <= MAX_PRICE && price + variant.priceDelta() < 0) {
                    errors.add(new FieldError("variants[" + i + "].priceDelta", "would make the variant's price negative"));
                }
            }
        }
        checkOptions(errors, "variants", variants == null ? List.of() : variants.stream().map(v -> new Option(v == null ? null : v.id(), v == null ? null : v.name(), v == null ? 0 : v.priceDelta(), true)).toList());
        checkOptions(errors, "modifiers", modifiers == null ? List.of() : modifiers.stream().map(m -> new Option(m == null ? null : m.id(), m == null ? null : m.name(), m == null ? 0 : m.price(), false)).toList());
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new Product(pathId, sku, barcode, name, categoryId, price, taxId, Boolean.TRUE.equals(trackStock), station,
                variants == null ? List.of() : variants, modifiers == null ? List.of() : modifiers, null);
    }

    private static void checkLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "is at most " + max + " characters"));
        }
    }

    private static void checkOptions(List<FieldError> errors, String field, List<Option> options) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            String at = field + "[" + i + "]";
            if (option.id() == null || !ID.matcher(option.id()).matches() || !seen.add(option.id())) {
                errors.add(new FieldError(at + ".id", "must be a unique id of letters, digits, '.', '_' or '-'"));
            }
            if (option.name() == null || option.name().isBlank() || option.name().length() > MAX_NAME) {
                errors.add(new FieldError(at + ".name", "is required (at most " + MAX_NAME + " characters)"));
            }
            long floor = option.mayBeNegative() ? -MAX_PRICE : 0;
            if (option.amount() < floor || option.amount() > MAX_PRICE) {
                errors.add(new FieldError(at + (option.mayBeNegative() ? ".priceDelta" : ".price"), "is out of range"));
            }
        }
    }

    /** A variant or modifier, seen the same way for checking. */
    private record Option(String id, String name, long amount, boolean mayBeNegative) {
    }
}
