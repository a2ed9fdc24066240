package backroom.edge.ingredients;

import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRows;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableDisagreement;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ingredient tables held to their entries: each movement's row (and each of a sale's per-unit
 * uses) as its {@code ingredient.moved} entry says, no row that no entry wrote; an ingredient's
 * definition as its latest {@code ingredient.defined}; each recipe as its latest {@code recipe.set};
 * every ingredient's stock the sum of its movements, and low exactly when at or below its mark.
 */
public final class IngredientAudit implements TableAudit {

    private final Set<String> defined = new HashSet<>();
    /** Each recipe's latest recipe.set in the walk, by product and variant. */
    private final Map<RecipeKey, LatestRecipe> recipes = new LinkedHashMap<>();
    private long moves;
    private long uses;

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case IngredientEntries.DEFINED -> defined(tables, entry, LedgerAudit.payload(entry));
            case IngredientEntries.MOVED -> moved(tables, entry, LedgerAudit.payload(entry));
            case IngredientEntries.RECIPE_SET -> {
                JsonNode recipe = LedgerAudit.payload(entry);
                RecipeKey key = new RecipeKey(recipe.path("productId").asText(), IngredientRows.variantKey(recipe.path("variantId").asText(null)));
                recipes.put(key, new LatestRecipe(entry.seq(), recipe.path("ingredients")));
            }
            default -> { }
        }
    }

    private void defined(AuditedTables tables, LedgerEntry entry, JsonNode ingredient) {
        String id = ingredient.path("id").asText();
        defined.add(id);
        Map<String, Object> row = tables.row("SELECT * FROM ingredients WHERE id = ?", id)
                .orElseThrow(() -> new TableDisagreement("ingredients has no row " + id + ", which " + ExpectedRow.said(entry)
                        + " defines"));
        long definedSeq = ((Number) row.get("defined_seq")).longValue();
        if (definedSeq == entry.seq()) {
            ExpectedRow.in("ingredients", "id " + id)
                    .column("name", ingredient.path("name"))
                    .column("unit", ingredient.path("unit"))
                    .column("low_at", ingredient.path("lowAt"))
                    .column("refuse_short", ingredient.path("refuseWhenShort").asBoolean())
                    .checkAgainst(Optional.of(row), entry);
        } else if (definedSeq < entry.seq()) {
            throw new TableDisagreement("ingredients row " + id + " was last defined at seq " + definedSeq + ", before "
                    + ExpectedRow.said(entry));
        }
    }

    private void moved(AuditedTables tables, LedgerEntry entry, JsonNode move) {
        ExpectedRow.in("ingredient_moves", "seq " + entry.seq())
                .column("ingredient_id", move.path("ingredientId"))
                .column("delta", move.path("delta"))
                .column("reason", move.path("kind"))
                .column("sale_id", move.path("saleId"))
                .column("refund_id", move.path("refundId"))
                .column("on_hand", move.path("onHand"))
                .column("note", move.path("note"))
                .column("staff_id", move.path("by").path("staffId"))
                .time("moved_at", move.path("movedAt"))
                .checkAgainst(tables.row("SELECT * FROM ingredient_moves WHERE ledger_seq = ?", entry.seq()), entry);
        moves++;
        for (JsonNode use : move.path("uses")) {
            ExpectedRow.in("ingredient_uses", "sale " + move.path("saleId").asText() + " line " + use.path("lineNo").asInt())
                    .column("per_unit", use.path("perUnit"))
                    .column("ledger_seq", entry.seq())
                    .checkAgainst(tables.row("""
                                    SELECT per_unit, ledger_seq FROM ingredient_uses WHERE sale_id = ? AND line_no = ? AND ingredient_id = ?""",
                            move.path("saleId").asText(), use.path("lineNo").asInt(), move.path("ingredientId").asText()), entry);
            uses++;
        }
    }

    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        LedgerRows.requireNoOthers(tables, "ingredient_moves", moves, fromSeq, "'seq ' || ledger_seq", IngredientEntries.MOVED);
        LedgerRows.requireNoOthers(tables, "ingredient_uses", uses, fromSeq, "sale_id || ' line ' || line_no", IngredientEntries.MOVED);
        recipesHold(tables, fromSeq);
        tables.rows("""
                        SELECT i.id, i.on_hand, i.low_at, i.is_low, CAST(COALESCE(SUM(m.delta), 0) AS BIGINT) AS moved FROM ingredients i
                        LEFT JOIN ingredient_moves m ON m.ingredient_id = i.id GROUP BY i.id, i.on_hand, i.low_at, i.is_low""")
                .forEach(row -> {
                    if (!row.get("on_hand").equals(row.get("moved"))) {
                        throw new TableDisagreement("ingredients row " + row.get("id") + ": on_hand is " + row.get("on_hand")
                                + " but its movements add up to " + row.get("moved"));
                    }
                    boolean low = row.get("low_at") != null && (Long) row.get("on_hand") <= (Long) row.get("low_at");
                    if (!row.get("is_low").equals(low)) {
                        throw new TableDisagreement("ingredients row " + row.get("id") + ": is_low is " + row.get("is_low") + " at "
                                + row.get("on_hand") + " on hand with its low mark at " + row.get("low_at"));
                    }
                });
        long ingredients = tables.count("SELECT COUNT(*) FROM ingredients");
        if (fromSeq == 0 && ingredients != defined.size()) {
            throw new TableDisagreement("ingredients holds " + ingredients + " rows but the ledger's entries defined " + defined.size());
        }
    }

    /** Each recipe set in the walk holds exactly its latest entry's lines; no recipe line from after {@code fromSeq} that no entry set. */
    private void recipesHold(AuditedTables tables, long fromSeq) {
        long expected = 0;
        for (Map.Entry<RecipeKey, LatestRecipe> recipe : recipes.entrySet()) {
            RecipeKey key = recipe.getKey();
            long seq = recipe.getValue().seq();
            Map<String, Object> want = new LinkedHashMap<>();
            recipe.getValue().lines().forEach(line -> want.put(line.path("ingredientId").asText(), line.path("quantity").asLong()));
            Map<String, Object> have = new LinkedHashMap<>();
            for (Map<String, Object> row : tables.rows("SELECT ingredient_id, quantity, set_seq FROM recipe_lines WHERE product_id = ?"
                    + " AND variant_id = ?", key.productId(), key.variantId())) {
                if (((Number) row.get("set_seq")).longValue() != seq) {
                    throw new TableDisagreement("recipe_lines of " + key + " were set at seq " + row.get("set_seq")
                            + ", not by their latest recipe.set, entry " + seq);
                }
                have.put((String) row.get("ingredient_id"), row.get("quantity"));
            }
            if (!have.equals(want)) {
                throw new TableDisagreement("recipe_lines of " + key + " hold " + have + " but entry " + seq + " set " + want);
            }
            expected += want.size();
        }
        long count = tables.count("SELECT COUNT(*) FROM recipe_lines WHERE set_seq > ?", fromSeq);
        if (count != expected) {
            throw new TableDisagreement("recipe_lines holds " + count + " lines set after entry " + fromSeq
                    + " but the ledger's entries set " + expected);
        }
    }

    /** A product's own recipe (variant "") or a variant's. */
    private record RecipeKey(String productId, String variantId) {
        @Override
        public String toString() {
            return variantId.isEmpty() ? productId : productId + " variant " + variantId;
        }
    }

    private record LatestRecipe(long seq, JsonNode lines) {
    }
}
