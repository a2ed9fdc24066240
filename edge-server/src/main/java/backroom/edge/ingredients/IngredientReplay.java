package backroom.edge.ingredients;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;

/**
 * The ingredients, recipe_lines, ingredient_moves and ingredient_uses tables written again from the
 * {@code ingredient.defined}, {@code recipe.set}, {@code ingredient.moved} and {@code stock.low}
 * entries, each as its entry carries it, by {@link IngredientRows} as on the box.
 */
public final class IngredientReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        WriterStatements rows = tables.statements();
        switch (entry.type()) {
            case IngredientEntries.DEFINED -> IngredientRows.define(rows, Json.payload(entry, IngredientEntries.Defined.class), entry.seq());
            case IngredientEntries.RECIPE_SET -> IngredientRows.setRecipe(rows, Json.payload(entry, IngredientEntries.RecipeSet.class),
                    entry.seq());
            case IngredientEntries.MOVED -> IngredientRows.move(rows, Json.payload(entry, IngredientMove.class), entry.seq());
            case IngredientEntries.LOW -> IngredientRows.markLow(rows, Json.payload(entry, IngredientEntries.Low.class).ingredientId());
            default -> { }
        }
    }
}
