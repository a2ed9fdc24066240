package backroom.edge.ingredients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the ingredient and recipe bodies at its edge: the limit itself is taken, one beyond it refused naming its field. */
class IngredientRequestsTest {

    private static final long MOST = IngredientRequests.MOST;

    @Test
    void aDefinitionTakesItsLimitsAndRefusesOneBeyond() {
        assertThatCode(() -> new IngredientRequests.Define("n".repeat(200), "g", 0L, null).validated("a", null)).doesNotThrowAnyException();
        assertThatCode(() -> new IngredientRequests.Define("Milk", "ml", MOST, true).validated("a".repeat(64), null))
                .doesNotThrowAnyException();
        assertThat(fields(() -> new IngredientRequests.Define("n".repeat(201), "kg", -1L, null).validated("a".repeat(65), null)))
                .containsExactlyInAnyOrder("id", "name", "unit", "lowAt");
        assertThat(fields(() -> new IngredientRequests.Define(" ", "piece", MOST + 1, null).validated("-a", null)))
                .containsExactlyInAnyOrder("id", "name", "lowAt");
        assertThat(new IngredientRequests.Define(" Milk ", "ml", null, null).validated("milk", null))
                .isEqualTo(new IngredientEntries.Defined("milk", "Milk", "ml", null, false, null));
    }

    @Test
    void aRecipeTakesItsLimitsAndRefusesOneBeyond() {
        List<IngredientEntries.RecipeLine> fifty = java.util.stream.IntStream.range(0, IngredientRequests.MOST_RECIPE_LINES)
                .mapToObj(i -> new IngredientEntries.RecipeLine("i" + i, i == 0 ? 1 : MOST)).toList();
        assertThatCode(() -> new IngredientRequests.Recipe(fifty).validated("latte", null, null)).doesNotThrowAnyException();
        assertThatCode(() -> new IngredientRequests.Recipe(List.of()).validated("latte", null, null)).doesNotThrowAnyException();
        List<IngredientEntries.RecipeLine> fiftyOne = new java.util.ArrayList<>(fifty);
        fiftyOne.add(new IngredientEntries.RecipeLine("extra", 1));
        assertThat(fields(() -> new IngredientRequests.Recipe(fiftyOne).validated("latte", null, null))).containsExactly("ingredients");
        assertThat(fields(() -> new IngredientRequests.Recipe(List.of(new IngredientEntries.RecipeLine("a", MOST + 1),
                new IngredientEntries.RecipeLine("b", 0))).validated("latte", null, null)))
                .containsExactly("ingredients[0].quantity", "ingredients[1].quantity");
        assertThat(fields(() -> new IngredientRequests.Recipe(Collections.singletonList(null)).validated("latte", null, null)))
                .containsExactly("ingredients[0].ingredientId");
    }

    @Test
    void aDeliveryACountAndAnAdjustmentTakeTheirLimitsAndRefuseOneBeyond() {
        assertThatCode(() -> new IngredientRequests.Delivery(1L, null).validate()).doesNotThrowAnyException();
        assertThatCode(() -> new IngredientRequests.Delivery(MOST, "n".repeat(200)).validate()).doesNotThrowAnyException();
        assertThat(fields(() -> new IngredientRequests.Delivery(MOST + 1, "n".repeat(201)).validate())).containsExactly("quantity", "note");
        assertThat(fields(() -> new IngredientRequests.Delivery(0L, " ").validate())).containsExactly("quantity", "note");
        assertThat(fields(() -> new IngredientRequests.Delivery(null, null).validate())).containsExactly("quantity");

        assertThatCode(() -> new IngredientRequests.Count(0L, null).validate()).doesNotThrowAnyException();
        assertThatCode(() -> new IngredientRequests.Count(MOST, "shelf").validate()).doesNotThrowAnyException();
        assertThat(fields(() -> new IngredientRequests.Count(MOST + 1, "").validate())).containsExactly("counted", "note");
        assertThat(fields(() -> new IngredientRequests.Count(-1L, null).validate())).containsExactly("counted");

        assertThatCode(() -> new IngredientRequests.Adjustment(MOST, "r").validate()).doesNotThrowAnyException();
        assertThatCode(() -> new IngredientRequests.Adjustment(-MOST, "r".repeat(200)).validate()).doesNotThrowAnyException();
        assertThat(fields(() -> new IngredientRequests.Adjustment(-MOST - 1, null).validate())).containsExactly("delta", "reason");
        assertThat(fields(() -> new IngredientRequests.Adjustment(MOST + 1, " ").validate())).containsExactly("delta", "reason");
    }

    private static List<String> fields(Runnable call) {
        Problem problem = catchThrowableOfType(Problem.class, call::run);
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        return problem.errors().stream().map(FieldError::field).toList();
    }
}
