package backroom.edge.ingredients;

import backroom.edge.access.Actor;
import java.time.Instant;
import java.util.List;

/**
 * One movement of an ingredient's stock, as its {@code ingredient.moved} entry says and its row
 * keeps: how much, what kind ({@code sale}, {@code void}, {@code refund}, {@code received},
 * {@code counted}, {@code adjusted}), for which sale or refund, what each of a sale's lines took per
 * unit, the stock after it, the note or reason given, and who made it (none for a sale's).
 */
public record IngredientMove(String ingredientId, long delta, String kind, String saleId, String refundId, List<LineUse> uses,
                             long onHand, String note, Actor by, Instant movedAt) {

    public static final String SALE = "sale";
    public static final String VOID = "void";
    public static final String REFUND = "refund";
    public static final String RECEIVED = "received";
    public static final String COUNTED = "counted";
    public static final String ADJUSTED = "adjusted";

    public IngredientMove {
        uses = uses == null ? List.of() : List.copyOf(uses);
    }

    /** What one unit of a sale's line took of the ingredient. */
    public record LineUse(int lineNo, long perUnit) {
    }
}
