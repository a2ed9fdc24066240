package backroom.edge.ingredients;

import backroom.edge.ingredients.IngredientEntries.RecipeLine;
import backroom.edge.ledger.WriterStatements;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ingredients, recipe_lines, ingredient_moves and ingredient_uses rows: written by
 * {@link IngredientStock}, {@link Recipes} and {@link IngredientDefinitions} on the box and by
 * {@link IngredientReplay} from the entries, each under its entry's seq.
 */
final class IngredientRows {

    static final String COLUMNS = "id, name, unit, on_hand, low_at, is_low, refuse_short";
    /** The variant_id of a product's own recipe, beside its variants'. */
    static final String PRODUCT_ITSELF = "";

    private IngredientRows() {
    }

    static Optional<Ingredient> find(WriterStatements statements, String id) {
        return statements.queryOne("SELECT " + COLUMNS + " FROM ingredients WHERE id = ?", IngredientRows::ingredient, id);
    }

    /** A new ingredient at no stock, or an ingredient's name, low mark and overselling changed; low no more when its new mark says so. */
    static void define(WriterStatements statements, IngredientEntries.Defined defined, long seq) {
        int changed = statements.update("""
                        UPDATE ingredients SET name = ?, low_at = ?, refuse_short = ?, defined_seq = ?,
                            is_low = is_low AND CAST(? AS BIGINT) IS NOT NULL AND on_hand <= ?
                        WHERE id = ?""",
                defined.name(), defined.lowAt(), defined.refuseWhenShort(), seq, defined.lowAt(), defined.lowAt(), defined.id());
        if (changed == 0) {
            statements.update("""
                            INSERT INTO ingredients (id, name, unit, on_hand, low_at, is_low, refuse_short, defined_seq)
                            VALUES (?, ?, ?, 0, ?, FALSE, ?, ?)""",
                    defined.id(), defined.name(), defined.unit(), defined.lowAt(), defined.refuseWhenShort(), seq);
        }
    }

    /** The ingredient's stock set to the movement's, low no more once above its mark, and the movement. */
    static void move(WriterStatements statements, IngredientMove move, long seq) {
        statements.update("""
                        UPDATE ingredients SET on_hand = ?, is_low = is_low AND low_at IS NOT NULL AND CAST(? AS BIGINT) <= low_at
                        WHERE id = ?""",
                move.onHand(), move.onHand(), move.ingredientId());
        statements.update("""
                        INSERT INTO ingredient_moves
                            (ledger_seq, ingredient_id, delta, reason, sale_id, refund_id, on_hand, note, staff_id, moved_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                seq, move.ingredientId(), move.delta(), move.kind(), move.saleId(), move.refundId(), move.onHand(), move.note(),
                move.by() == null ? null : move.by().staffId(), move.movedAt().atOffset(ZoneOffset.UTC));
        for (IngredientMove.LineUse use : move.uses()) {
            statements.update("INSERT INTO ingredient_uses (sale_id, line_no, ingredient_id, per_unit, ledger_seq) VALUES (?, ?, ?, ?, ?)",
                    move.saleId(), use.lineNo(), move.ingredientId(), use.perUnit(), seq);
        }
    }

    static void markLow(WriterStatements statements, String id) {
        statements.update("UPDATE ingredients SET is_low = TRUE WHERE id = ?", id);
    }

    /** The recipe of the product ({@code variantId} null) or variant replaced by {@code lines}. */
    static void setRecipe(WriterStatements statements, IngredientEntries.RecipeSet recipe, long seq) {
        String variant = variantKey(recipe.variantId());
        statements.update("DELETE FROM recipe_lines WHERE product_id = ? AND variant_id = ?", recipe.productId(), variant);
        for (RecipeLine line : recipe.ingredients()) {
            statements.update("INSERT INTO recipe_lines (product_id, variant_id, ingredient_id, quantity, set_seq) VALUES (?, ?, ?, ?, ?)",
                    recipe.productId(), variant, line.ingredientId(), line.quantity(), seq);
        }
    }

    /** The product's recipes: its own under the key {@code ""}, each variant's under the variant's id. */
    static Map<String, List<RecipeLine>> recipesOf(WriterStatements statements, String productId) {
        Map<String, List<RecipeLine>> recipes = new LinkedHashMap<>();
        statements.queryEach(RECIPES_OF_PRODUCT.replace(":id", "?"), rs -> add(recipes, rs), productId);
        return recipes;
    }

    static final String RECIPES_OF_PRODUCT =
            "SELECT variant_id, ingredient_id, quantity FROM recipe_lines WHERE product_id = :id ORDER BY variant_id, ingredient_id";

    /** A row of {@link #RECIPES_OF_PRODUCT} added to its variant's recipe. */
    static boolean add(Map<String, List<RecipeLine>> recipes, ResultSet rs) throws SQLException {
        return recipes.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(new RecipeLine(rs.getString(2), rs.getLong(3)));
    }

    /** The ingredients {@code saleId}'s lines took, each movement in order. */
    static List<IngredientMove> salesMoves(WriterStatements statements, String saleId) {
        List<IngredientMove> moves = new ArrayList<>();
        statements.queryEach("SELECT ingredient_id, delta FROM ingredient_moves WHERE sale_id = ? AND reason = ? ORDER BY ledger_seq",
                rs -> moves.add(new IngredientMove(rs.getString(1), rs.getLong(2), IngredientMove.SALE, saleId, null, null, 0, null, null,
                        null)), saleId, IngredientMove.SALE);
        return moves;
    }

    /** What each line of {@code saleId} took per unit: line number -> ingredient -> quantity. */
    static Map<Integer, Map<String, Long>> usesOf(WriterStatements statements, String saleId) {
        Map<Integer, Map<String, Long>> uses = new LinkedHashMap<>();
        statements.queryEach("SELECT line_no, ingredient_id, per_unit FROM ingredient_uses WHERE sale_id = ? ORDER BY ledger_seq, line_no",
                rs -> uses.computeIfAbsent(rs.getInt(1), key -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3)), saleId);
        return uses;
    }

    static String variantKey(String variantId) {
        return variantId == null ? PRODUCT_ITSELF : variantId;
    }

    static Ingredient ingredient(ResultSet rs) throws SQLException {
        return new Ingredient(rs.getString("id"), rs.getString("name"), rs.getString("unit"), rs.getLong("on_hand"),
                rs.getObject("low_at", Long.class), rs.getBoolean("is_low"), rs.getBoolean("refuse_short"));
    }
}
