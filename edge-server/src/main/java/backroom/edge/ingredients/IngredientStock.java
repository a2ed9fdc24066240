package backroom.edge.ingredients;

import backroom.edge.access.Actor;
import backroom.edge.ingredients.IngredientEntries.RecipeLine;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves ingredient stock inside the caller's ledger write: each movement checked on the writer's
 * thread against the stock as the writes before it left it, then its rows and its own
 * {@code ingredient.moved} entry written, and {@code stock.low} appended when it falls to its mark.
 * Two terminals selling the last portions are two writes in turn, so an ingredient that refuses to
 * be oversold never goes below zero.
 */
public final class IngredientStock {

    private IngredientStock() {
    }

    /**
     * Takes what the sale's lines use by their recipes (a variant's own, else its product's), one
     * movement per ingredient; a 409 naming the first line that uses an ingredient that refuses to
     * go short when there is too little.
     */
    public static void use(LedgerAppender ledger, String saleId, List<SoldLine> lines) {
        Map<String, Map<String, List<RecipeLine>>> recipes = new LinkedHashMap<>();
        Map<String, Taken> taken = new LinkedHashMap<>();
        for (SoldLine line : lines) {
            Map<String, List<RecipeLine>> ofProduct = recipes.computeIfAbsent(line.productId(),
                    product -> IngredientRows.recipesOf(ledger.statements(), product));
            List<RecipeLine> own = ofProduct.getOrDefault(IngredientRows.PRODUCT_ITSELF, List.of());
            List<RecipeLine> recipe = line.variantId() == null ? own : ofProduct.getOrDefault(line.variantId(), own);
            for (RecipeLine ingredient : recipe) {
                taken.computeIfAbsent(ingredient.ingredientId(), id -> new Taken("items[" + line.index() + "].quantity"))
                        .add(line, ingredient.quantity());
            }
        }
        Cause sale = Cause.ofSale(IngredientMove.SALE, saleId, null);
        taken.forEach((id, use) -> move(ledger, require(ledger.statements(), id, use.field), -use.total, sale, use.uses, use.field));
    }

    /** Gives back everything {@code saleId}'s lines took (a void). */
    public static void reverseSale(LedgerAppender ledger, String saleId) {
        Cause undone = Cause.ofSale(IngredientMove.VOID, saleId, null);
        for (IngredientMove sold : IngredientRows.salesMoves(ledger.statements(), saleId)) {
            move(ledger, require(ledger.statements(), sold.ingredientId(), "saleId"), -sold.delta(), undone, List.of(), "saleId");
        }
    }

    /** Gives back what {@code units} of each refunded line (line number -> units) took, as its recipe was when sold. */
    public static void giveBack(LedgerAppender ledger, String saleId, String refundId, Map<Integer, Long> units) {
        Map<String, Long> back = new LinkedHashMap<>();
        IngredientRows.usesOf(ledger.statements(), saleId).forEach((lineNo, perUnit) -> {
            Long refunded = units.get(lineNo);
            if (refunded != null) {
                perUnit.forEach((id, quantity) -> back.merge(id, Math.multiplyExact(quantity, refunded), Math::addExact));
            }
        });
        Cause refund = Cause.ofSale(IngredientMove.REFUND, saleId, refundId);
        back.forEach((id, quantity) -> move(ledger, require(ledger.statements(), id, "items"), quantity, refund, List.of(), "items"));
    }

    /** Goods received: {@code quantity} more on hand. */
    public static IngredientMove receive(LedgerAppender ledger, String id, long quantity, String note, Actor by) {
        return byHand(ledger, found(ledger.statements(), id), quantity, Cause.byHand(IngredientMove.RECEIVED, note, by), "quantity");
    }

    /** A count: the stock set to what was counted, the difference recorded as the movement. */
    public static IngredientMove count(LedgerAppender ledger, String id, long counted, String note, Actor by) {
        Ingredient ingredient = found(ledger.statements(), id);
        return byHand(ledger, ingredient, counted - ingredient.onHand(), Cause.byHand(IngredientMove.COUNTED, note, by), "counted");
    }

    /** Waste, a breakage, a correction: {@code delta} with the manager's reason. */
    public static IngredientMove adjust(LedgerAppender ledger, String id, long delta, String reason, Actor by) {
        return byHand(ledger, found(ledger.statements(), id), delta, Cause.byHand(IngredientMove.ADJUSTED, reason, by), "delta");
    }

    private static IngredientMove byHand(LedgerAppender ledger, Ingredient ingredient, long delta, Cause cause, String field) {
        return move(ledger, ingredient, delta, cause, List.of(), field);
    }

    private static IngredientMove move(LedgerAppender ledger, Ingredient ingredient, long delta, Cause cause,
                                       List<IngredientMove.LineUse> uses, String field) {
        String id = ingredient.id();
        long after;
        try {
            after = Math.addExact(ingredient.onHand(), delta);
        } catch (ArithmeticException overflow) {
            throw Problem.invalid(field, "ingredient " + id + " cannot hold that much");
        }
        if (after < 0 && delta < 0 && ingredient.refuseWhenShort()) {
            throw Problem.conflict(field, "only " + ingredient.onHand() + " " + ingredient.unit() + " of " + ingredient.name()
                    + " in stock, short of " + -delta + " by " + -after);
        }
        IngredientMove move = new IngredientMove(id, delta, cause.kind, cause.saleId, cause.refundId, uses, after, cause.note, cause.by,
                ledger.now());
        IngredientRows.move(ledger.statements(), move, ledger.nextSeq());
        ledger.append(IngredientEntries.MOVED, move);
        raiseIfLow(ledger, ingredient, after);
        return move;
    }

    /** {@code stock.low} when the ingredient is at or below its mark and was not already low. */
    static void raiseIfLow(LedgerAppender ledger, Ingredient ingredient, long onHand) {
        if (!ingredient.low() && ingredient.lowAt(onHand)) {
            IngredientRows.markLow(ledger.statements(), ingredient.id());
            ledger.append(IngredientEntries.LOW, new IngredientEntries.Low(ingredient.id(), ingredient.name(), ingredient.unit(), onHand,
                    ingredient.lowAt()));
        }
    }

    /** The ingredient a recipe or a sale names; gone from the store only by a broken copy, so a 422 naming the line. */
    private static Ingredient require(WriterStatements statements, String id, String field) {
        return IngredientRows.find(statements, id).orElseThrow(() -> Problem.invalid(field, "no ingredient " + id));
    }

    /** The ingredient in a request's path: a 404 when the store has none of that id. */
    static Ingredient found(WriterStatements statements, String id) {
        return IngredientRows.find(statements, id).orElseThrow(() -> Problem.notFound("ingredient " + id));
    }

    /** Why stock moves: its kind, the sale and refund, the note, and who. */
    private record Cause(String kind, String saleId, String refundId, String note, Actor by) {

        static Cause ofSale(String kind, String saleId, String refundId) {
            return new Cause(kind, saleId, refundId, null, null);
        }

        static Cause byHand(String kind, String note, Actor by) {
            return new Cause(kind, null, null, note, by);
        }
    }

    /** What a sale takes of one ingredient: in all, per line, and the first line to blame. */
    private static final class Taken {
        private final String field;
        private final List<IngredientMove.LineUse> uses = new ArrayList<>();
        private long total;

        Taken(String field) {
            this.field = field;
        }

        void add(SoldLine line, long perUnit) {
            total = Math.addExact(total, Math.multiplyExact(perUnit, line.quantity()));
            uses.add(new IngredientMove.LineUse(line.lineNo(), perUnit));
        }
    }
}
