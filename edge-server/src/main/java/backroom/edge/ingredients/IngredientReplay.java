package backroom.edge.ingredients;

import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The ingredients, recipe_lines, ingredient_moves and ingredient_uses tables written again from the
 * {@code ingredient.defined}, {@code recipe.set}, {@code ingredient.moved} and {@code stock.low}
 * entries, each as its entry carries it, by {@link IngredientRows} as on the box.
 */
public final class IngredientReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case IngredientEntries.DEFINED -> IngredientRows.define(tables.statements(), read(entry, IngredientEntries.Defined.class),
                    entry.seq());
            case IngredientEntries.RECIPE_SET -> IngredientRows.setRecipe(tables.statements(),
                    read(entry, IngredientEntries.RecipeSet.class), entry.seq());
            case IngredientEntries.MOVED -> IngredientRows.move(tables.statements(), read(entry, IngredientMove.class), entry.seq());
            case IngredientEntries.LOW -> IngredientRows.markLow(tables.statements(), read(entry, IngredientEntries.Low.class).ingredientId());
            default -> { }
        }
    }

    private static <T> T read(LedgerEntry entry, Class<T> type) {
        try {
            return Json.MAPPER.readValue(entry.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ExpectedRow.said(entry) + " cannot be read as " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
