package backroom.edge.web;

import java.util.List;

/** The checks request bodies share, each adding a {@link FieldError} naming its field to the errors found so far. */
public final class FieldChecks {

    /** The most characters an id (register, shift, product, table) may have. */
    public static final int MOST_ID_CHARACTERS = 64;

    private FieldChecks() {
    }

    /** {@code value} must be there, not blank, and at most {@link #MOST_ID_CHARACTERS} long. */
    public static void requireId(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank() || value.length() > MOST_ID_CHARACTERS) {
            errors.add(new FieldError(field, "is required (at most " + MOST_ID_CHARACTERS + " characters)"));
        }
    }

    /** {@code value} may be left out, but no longer than {@code max}. */
    public static void optionalText(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    /** A 422 naming every error found, if any was. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }
}
