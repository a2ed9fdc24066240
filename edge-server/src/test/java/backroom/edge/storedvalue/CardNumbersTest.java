package backroom.edge.storedvalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A card's number: what may be typed or scanned, and the 16 random digits the box makes when none is given. */
class CardNumbersTest {

    @Test
    void sixToThirtyTwoLettersDigitsOrDashesNameACard() {
        assertThat(CardNumbers.valid("123456")).isTrue();
        assertThat(CardNumbers.valid("GC-" + "9".repeat(29))).isTrue();
        assertThat(CardNumbers.valid("12345")).isFalse();
        assertThat(CardNumbers.valid("9".repeat(33))).isFalse();
        assertThat(CardNumbers.valid("1234 5678")).isFalse();
        assertThat(CardNumbers.valid("12345678/")).isFalse();
        assertThat(CardNumbers.valid("")).isFalse();
        assertThat(CardNumbers.valid(null)).isFalse();
    }

    @Test
    void aNewNumberIsSixteenDigitsNoCardHasYet() {
        List<String> offered = new ArrayList<>();
        String fresh = CardNumbers.fresh(candidate -> {
            offered.add(candidate);
            return offered.size() < 3;
        });
        assertThat(offered).hasSize(3).allSatisfy(number -> assertThat(number).matches("[0-9]{16}"));
        assertThat(fresh).isEqualTo(offered.get(2));
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            many.add(CardNumbers.fresh(candidate -> false));
        }
        assertThat(many).as("random, not counted").hasSize(1_000);
        assertThat(many).anySatisfy(number -> assertThat(number).startsWith("0"))
                .as("every digit can lead").anySatisfy(number -> assertThat(number).startsWith("9"));
    }
}
