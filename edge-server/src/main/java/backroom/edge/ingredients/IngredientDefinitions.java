package backroom.edge.ingredients;

import backroom.edge.ledger.LedgerAppender;
import backroom.edge.web.Problem;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes or changes an ingredient in the caller's ledger write, as an {@code ingredient.defined}
 * entry. Its unit never changes (stock counted in grams does not become millilitres); a definition
 * the same as the one held writes nothing; a low mark raised to or above the stock on hand raises
 * {@code stock.low} at once.
 */
final class IngredientDefinitions {

    private IngredientDefinitions() {
    }

    static Ingredient define(LedgerAppender ledger, IngredientEntries.Defined defined) {
        Optional<Ingredient> held = IngredientRows.find(ledger.statements(), defined.id());
        if (held.isPresent()) {
            Ingredient before = held.get();
            if (!before.unit().equals(defined.unit())) {
                throw Problem.conflict("unit", "ingredient " + before.id() + " is counted in " + before.unit()
                        + "; define another ingredient to count it in " + defined.unit());
            }
            if (before.name().equals(defined.name()) && Objects.equals(before.lowAt(), defined.lowAt())
                    && before.refuseWhenShort() == defined.refuseWhenShort()) {
                return before;
            }
            if (defined.refuseWhenShort() && before.onHand() < 0) {
                throw Problem.conflict("refuseWhenShort", "ingredient " + before.id() + " stands at " + before.onHand() + " "
                        + before.unit() + ": count it before it refuses to go short");
            }
        }
        IngredientRows.define(ledger.statements(), defined, ledger.nextSeq());
        ledger.append(IngredientEntries.DEFINED, defined);
        long onHand = held.map(Ingredient::onHand).orElse(0L);
        Ingredient now = new Ingredient(defined.id(), defined.name(), defined.unit(), onHand, defined.lowAt(),
                held.map(Ingredient::low).orElse(false) && defined.lowAt() != null && onHand <= defined.lowAt(), defined.refuseWhenShort());
        IngredientStock.raiseIfLow(ledger, now, onHand);
        return new Ingredient(now.id(), now.name(), now.unit(), onHand, now.lowAt(), now.lowAt(onHand), now.refuseWhenShort());
    }
}
