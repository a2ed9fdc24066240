package backroom.edge.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backroom.edge.web.FieldError;
import backroom.edge.web.Problem;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each rule of a program and a member at its edge: the limit itself is taken, one beyond it refused naming its field. */
class LoyaltyRequestsTest {

    private static final long MOST = LoyaltyRequests.MOST_AMOUNT;

    @Test
    void aProgramTakesItsLimitsAndRefusesOneBeyond() {
        List<LoyaltyProgram.Tier> ten = IntStream.range(0, LoyaltyRequests.MOST_TIERS)
                .mapToObj(i -> new LoyaltyProgram.Tier("t" + i, "Tier " + i, i == 9 ? MOST : i, i == 9 ? LoyaltyRequests.MOST_MULTIPLIER_BP : 1))
                .toList();
        LoyaltyProgram program = new LoyaltyRequests.Program(1L, MOST, ten).validated();
        assertThat(program.tiers()).hasSize(10);
        assertThatCode(() -> new LoyaltyRequests.Program(MOST, 1L, List.of(tier("basic", 0, 10_000))).validated()).doesNotThrowAnyException();
        assertThatCode(() -> new LoyaltyRequests.Program(MOST, 1L, List.of(new LoyaltyProgram.Tier("basic", "n".repeat(64), 0, 1)))
                .validated()).doesNotThrowAnyException();

        assertThat(fields(() -> new LoyaltyRequests.Program(0L, MOST + 1, List.of(tier("basic", 0, 10_000))).validated()))
                .containsExactly("amountPerPoint", "pointValue");
        assertThat(fields(() -> new LoyaltyRequests.Program(MOST + 1, 0L, List.of(tier("basic", 0, 10_000))).validated()))
                .containsExactly("amountPerPoint", "pointValue");
        List<LoyaltyProgram.Tier> eleven = new java.util.ArrayList<>(ten);
        eleven.add(tier("extra", 5_000, 10_000));
        assertThat(fields(() -> new LoyaltyRequests.Program(1L, 1L, eleven).validated())).containsExactly("tiers");
        assertThat(fields(() -> new LoyaltyRequests.Program(1L, 1L, null).validated())).containsExactly("tiers");
        assertThat(fields(() -> new LoyaltyRequests.Program(1L, 1L, List.of(tier("basic", 0, 10_000), tier("big", MOST + 1, 0),
                tier("neg", -1, LoyaltyRequests.MOST_MULTIPLIER_BP + 1), tier("same", 0, 10_000), new LoyaltyProgram.Tier("x", " ", 5, 1),
                new LoyaltyProgram.Tier("y", "n".repeat(65), 6, 1)))
                .validated()))
                .containsExactly("tiers[1].threshold", "tiers[1].multiplierBp", "tiers[2].threshold", "tiers[2].multiplierBp",
                        "tiers[3].threshold", "tiers[4].name", "tiers[5].name");
        assertThat(fields(() -> new LoyaltyRequests.Program(1L, 1L, List.of(tier("silver", 5, 10_000))).validated()))
                .as("no tier at 0").containsExactly("tiers");
    }

    @Test
    void aMemberTakesTheLimitsOfNamePhoneAndCard() {
        assertThatCode(() -> new LoyaltyRequests.Join("n".repeat(200), "123456", null).validate()).doesNotThrowAnyException();
        assertThatCode(() -> new LoyaltyRequests.Join("Sari", "+1234567890123456789", "ABCDEF").validate()).doesNotThrowAnyException();
        assertThatCode(() -> new LoyaltyRequests.Join("Sari", null, "A".repeat(32)).validate()).doesNotThrowAnyException();
        assertThat(fields(() -> new LoyaltyRequests.Join("n".repeat(201), "12345", "ABCDE").validate()))
                .containsExactly("name", "phone", "cardNumber");
        assertThat(fields(() -> new LoyaltyRequests.Join("Sari", "+12345678901234567890", "A".repeat(33)).validate()))
                .containsExactly("phone", "cardNumber");
    }

    @Test
    void pointsAreEarnedRoundedDownAtTheMultiplier() {
        assertThat(LoyaltyProgram.earned(69_000, 12_000, 50_000)).isEqualTo(1);
        assertThat(LoyaltyProgram.earned(125_000, 12_000, 50_000)).as("3.0 exactly").isEqualTo(3);
        assertThat(LoyaltyProgram.earned(124_999, 12_000, 50_000)).isEqualTo(2);
        LoyaltyProgram program = new LoyaltyProgram(50_000, 1_000, List.of(tier("gold", 2_000_000, 20_000), tier("basic", 0, 10_000),
                tier("silver", 100_000, 12_000)));
        assertThat(program.tiers()).extracting(LoyaltyProgram.Tier::id).containsExactly("basic", "silver", "gold");
        assertThat(program.tierFor(99_999).id()).isEqualTo("basic");
        assertThat(program.tierFor(100_000).id()).isEqualTo("silver");
        assertThat(program.tierFor(2_000_000).id()).isEqualTo("gold");
    }

    private static LoyaltyProgram.Tier tier(String id, long threshold, int multiplierBp) {
        return new LoyaltyProgram.Tier(id, "Tier " + id, threshold, multiplierBp);
    }

    private static List<String> fields(Runnable call) {
        Problem problem = catchThrowableOfType(Problem.class, call::run);
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        return problem.errors().stream().map(FieldError::field).toList();
    }
}
