package backroom.edge.ingredients;

import backroom.edge.ingredients.IngredientEntries.RecipeLine;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** What the ingredient and recipe routes show, read outside the writer. */
final class IngredientReads {

    private IngredientReads() {
    }

    static List<Ingredient> all(Handle handle) {
        return handle.createQuery("SELECT " + IngredientRows.COLUMNS + " FROM ingredients ORDER BY id")
                .map((rs, ctx) -> IngredientRows.ingredient(rs))
                .list();
    }

    /** The ingredient and its latest {@code most} movements, newest first. */
    static Optional<Stock> stock(Handle handle, String id, int most) {
        return handle.createQuery("SELECT " + IngredientRows.COLUMNS + " FROM ingredients WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> IngredientRows.ingredient(rs))
                .findOne()
                .map(ingredient -> new Stock(ingredient, handle.createQuery("""
                                SELECT ledger_seq, delta, reason, sale_id, refund_id, on_hand, note, staff_id, moved_at
                                FROM ingredient_moves WHERE ingredient_id = :id ORDER BY ledger_seq DESC LIMIT :most""")
                        .bind("id", id)
                        .bind("most", most)
                        .map((rs, ctx) -> new Moved(rs.getLong("ledger_seq"), rs.getLong("delta"), rs.getString("reason"),
                                rs.getString("sale_id"), rs.getString("refund_id"), rs.getLong("on_hand"), rs.getString("note"),
                                rs.getString("staff_id"), rs.getObject("moved_at", OffsetDateTime.class).toInstant().toString()))
                        .list()));
    }

    static Recipes.ProductRecipe recipe(Handle handle, String productId) {
        Map<String, List<RecipeLine>> recipes = new LinkedHashMap<>();
        handle.createQuery(IngredientRows.RECIPES_OF_PRODUCT)
                .bind("id", productId)
                .scanResultSet((supplier, ctx) -> {
                    try (ResultSet rs = supplier.get()) {
                        while (rs.next()) {
                            IngredientRows.add(recipes, rs);
                        }
                    }
                    return null;
                });
        return Recipes.ProductRecipe.of(productId, recipes);
    }

    /** An ingredient with its latest movements. */
    record Stock(Ingredient ingredient, List<Moved> moves) {
    }

    /** One movement as the ingredient's page shows it. */
    record Moved(long seq, long delta, String kind, String saleId, String refundId, long onHand, String note, String staffId,
                 String movedAt) {
    }
}
