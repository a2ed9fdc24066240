package backroom.edge.ingredients;

/**
 * An ingredient as the store keeps it: its unit ({@code g}, {@code ml} or {@code piece}), its stock
 * on hand, the mark at or below which it is low ({@code null}: never), whether it is low now, and
 * whether a sale that would take it below zero is refused.
 */
public record Ingredient(String id, String name, String unit, long onHand, Long lowAt, boolean low, boolean refuseWhenShort) {

    /** Low at {@code onHand}, by its mark. */
    boolean lowAt(long onHand) {
        return lowAt != null && onHand <= lowAt;
    }
}
