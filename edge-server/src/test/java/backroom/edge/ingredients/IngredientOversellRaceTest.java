package backroom.edge.ingredients;

import static backroom.edge.ingredients.Kitchen.item;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Three terminals sell cappuccinos at once while ten cups are left, and cups refuse to be oversold:
 * exactly ten are sold, every other sale is refused naming its item and writes nothing, and the
 * cups' stock never goes below zero. An ingredient that may go short (milk) goes below zero instead.
 */
class IngredientOversellRaceTest {

    private static final int CUPS = 10;
    private static final int SALES_PER_TERMINAL = 8;

    @Test
    void anIngredientThatRefusesToBeOversoldIsNeverOversoldByTerminalsSellingAtOnce() throws Exception {
        try (TestBox box = TestBox.start()) {
            Api manager = box.api();
            String shift = manager.openShift("r-race");
            Kitchen.define(manager, "cup", "piece", null, true);
            Kitchen.define(manager, "milk", "ml", null, false);
            Kitchen.recipe(manager, "coffee-cappuccino", null, java.util.Map.of("cup", 1L, "milk", 150L));
            Kitchen.deliver(manager, "cup", CUPS);
            List<Api> terminals = List.of(box.signedIn("cashier"), box.signedIn("cashier"), box.signedIn("cashier"));

            List<Future<Reply>> replies = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(terminals.size() * SALES_PER_TERMINAL)) {
                for (Api terminal : terminals) {
                    for (int i = 0; i < SALES_PER_TERMINAL; i++) {
                        replies.add(pool.submit(() -> Kitchen.sell(terminal, "r-race", shift, List.of(item("coffee-cappuccino", null, 1)))));
                    }
                }
            }
            int sold = 0;
            for (Future<Reply> future : replies) {
                Reply reply = future.get();
                if (reply.status() == 201) {
                    sold++;
                } else {
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
                    assertThat(reply.problemFields()).containsExactly("items[0].quantity");
                }
            }
            assertThat(sold).as("exactly the cups there were").isEqualTo(CUPS);
            JsonNode cups = manager.get("/api/v1/ingredients/cup").body();
            assertThat(cups.path("ingredient").path("onHand").asLong()).isZero();
            assertThat(cups.path("moves")).hasSize(CUPS + 1)
                    .allSatisfy(move -> assertThat(move.path("onHand").asLong()).isNotNegative());
            assertThat(Kitchen.onHand(manager, "milk")).as("milk may go short: none was delivered").isEqualTo(-150L * CUPS);
            assertThat(manager.get("/api/v1/sales?limit=100").body().path("items")).as("a refused sale writes nothing").hasSize(CUPS);
        }
    }
}
