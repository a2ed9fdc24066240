package backroom.edge.ingredients;

import backroom.edge.access.Actor;
import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The bodies of the ingredient and recipe routes, each checked whole: every bad field named at once. */
final class IngredientRequests {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final Set<String> UNITS = Set.of("g", "ml", "piece");
    /** The most of anything one request moves or one unit of a recipe takes: a billion grams is a thousand tonnes. */
    static final long MOST = 1_000_000_000;
    static final int MOST_RECIPE_LINES = 50;
    static final int MOST_NOTE = 200;

    private IngredientRequests() {
    }

    /** A movement's body, which refuses itself (422 naming each bad field) when it is not whole. */
    interface Checked {
        void validate();
    }

    /** {@code PUT /api/v1/ingredients/{id}}. */
    record Define(String name, String unit, Long lowAt, Boolean refuseWhenShort) {

        IngredientEntries.Defined validated(String id, Actor by) {
            List<FieldError> errors = new ArrayList<>();
            if (!ID.matcher(id).matches()) {
                errors.add(new FieldError("id", "must be 1-64 letters, digits, '.', '_' or '-'"));
            }
            if (name == null || name.isBlank() || name.length() > MOST_NOTE) {
                errors.add(new FieldError("name", "is required (at most " + MOST_NOTE + " characters)"));
            }
            if (unit == null || !UNITS.contains(unit)) {
                errors.add(new FieldError("unit", "must be g, ml or piece"));
            }
            if (lowAt != null && (lowAt < 0 || lowAt > MOST)) {
                errors.add(new FieldError("lowAt", "must be 0 to " + MOST + ", or absent for no low mark"));
            }
            refuse(errors);
            return new IngredientEntries.Defined(id, name.strip(), unit, lowAt, Boolean.TRUE.equals(refuseWhenShort), by);
        }
    }

    /** {@code PUT /api/v1/recipes/{productId}} and {@code .../variants/{variantId}}. */
    record Recipe(List<IngredientEntries.RecipeLine> ingredients) {

        IngredientEntries.RecipeSet validated(String productId, String variantId, Actor by) {
            List<FieldError> errors = new ArrayList<>();
            if (ingredients == null || ingredients.size() > MOST_RECIPE_LINES) {
                errors.add(new FieldError("ingredients", "is required: a list of at most " + MOST_RECIPE_LINES
                        + " {ingredientId, quantity} (empty for no recipe)"));
                refuse(errors);
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ingredients.size(); i++) {
                IngredientEntries.RecipeLine line = ingredients.get(i);
                if (line == null || line.ingredientId() == null || !ID.matcher(line.ingredientId()).matches()) {
                    errors.add(new FieldError("ingredients[" + i + "].ingredientId", "must be an ingredient's id"));
                } else if (!seen.add(line.ingredientId())) {
                    errors.add(new FieldError("ingredients[" + i + "].ingredientId", "is listed twice"));
                }
                if (line != null && (line.quantity() < 1 || line.quantity() > MOST)) {
                    errors.add(new FieldError("ingredients[" + i + "].quantity", "must be a whole number of the ingredient's unit, 1 to "
                            + MOST));
                }
            }
            refuse(errors);
            return new IngredientEntries.RecipeSet(productId, variantId, ingredients, by);
        }
    }

    /** {@code POST /api/v1/ingredients/{id}/deliveries}: goods received. */
    record Delivery(Long quantity, String note) implements Checked {

        @Override
        public void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (quantity == null || quantity < 1 || quantity > MOST) {
                errors.add(new FieldError("quantity", "must be 1 to " + MOST + " of the ingredient's unit"));
            }
            text(errors, "note", note, false);
            refuse(errors);
        }
    }

    /** {@code POST /api/v1/ingredients/{id}/counts}: what a count found on the shelf. */
    record Count(Long counted, String note) implements Checked {

        @Override
        public void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (counted == null || counted < 0 || counted > MOST) {
                errors.add(new FieldError("counted", "must be 0 to " + MOST + " of the ingredient's unit"));
            }
            text(errors, "note", note, false);
            refuse(errors);
        }
    }

    /** {@code POST /api/v1/ingredients/{id}/adjustments}: waste, breakage, a correction, with its reason. */
    record Adjustment(Long delta, String reason) implements Checked {

        @Override
        public void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (delta == null || delta == 0 || Math.abs(delta) > MOST) {
                errors.add(new FieldError("delta", "must be a non-zero whole number of at most " + MOST + " either way"));
            }
            text(errors, "reason", reason, true);
            refuse(errors);
        }
    }

    private static void text(List<FieldError> errors, String field, String text, boolean required) {
        if (text == null ? required : text.isBlank() || text.length() > MOST_NOTE) {
            errors.add(new FieldError(field, (required ? "is required" : "must not be blank") + " (at most " + MOST_NOTE + " characters)"));
        }
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }
}
