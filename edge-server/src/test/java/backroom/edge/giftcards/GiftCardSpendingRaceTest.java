package backroom.edge.giftcards;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two terminals spend one gift card at once, each sending every payment twice (a tablet retrying
 * with the same Idempotency-Key while its first try is still in flight): the card covers exactly
 * the payments it holds, never goes below zero, and no key is rung twice.
 */
class GiftCardSpendingRaceTest {

    private static final long CROISSANT = 25_300;
    private static final int COVERED = 10;
    private static final int KEYS_PER_TERMINAL = 9;
    private static final int TRIES_PER_KEY = 2;

    @Test
    void twoTerminalsRetryingEveryPaymentSpendTheCardExactlyOnceEachAndNeverBelowZero() throws Exception {
        try (TestBox box = TestBox.start()) {
            Api manager = box.api();
            String shift = manager.openShift("r-race");
            Reply sold = manager.postWithKey("/api/v1/gift-cards", UUID.randomUUID().toString(), Map.of("number", "GC-RACE01",
                    "amount", CROISSANT * COVERED, "registerId", "r-race", "shiftId", shift,
                    "payments", List.of(Sales.payment("cash", CROISSANT * COVERED))));
            assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
            List<Api> terminals = List.of(box.signedIn("cashier"), box.signedIn("cashier"));

            List<Attempt> attempts = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(terminals.size() * KEYS_PER_TERMINAL * TRIES_PER_KEY)) {
                for (Api terminal : terminals) {
                    for (int k = 0; k < KEYS_PER_TERMINAL; k++) {
                        String key = UUID.randomUUID().toString();
                        Map<String, Object> sale = Sales.sale("r-race", shift, List.of(Sales.item("food-croissant", null, 1, List.of())),
                                List.of(GiftCardsTest.giftCard("GC-RACE01", CROISSANT)));
                        for (int t = 0; t < TRIES_PER_KEY; t++) {
                            attempts.add(new Attempt(terminal.token() + "/" + key, pool.submit(() -> terminal.ringSale(key, sale))));
                        }
                    }
                }
                Map<String, Set<String>> salesByKey = new java.util.HashMap<>();
                Set<String> rung = new HashSet<>();
                int refused = 0;
                for (Attempt attempt : attempts) {
                    Reply reply = attempt.reply().get();
                    if (reply.status() == 201) {
                        salesByKey.computeIfAbsent(attempt.key(), key -> new HashSet<>()).add(reply.field("saleId"));
                        rung.add(reply.field("saleId"));
                    } else {
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
                        assertThat(reply.problemFields()).containsExactly("payments[0].reference");
                        refused++;
                    }
                }
                assertThat(salesByKey.values()).as("each key's tries answered with one sale").allSatisfy(ids -> assertThat(ids).hasSize(1));
                assertThat(rung).as("the card covered exactly its value").hasSize(COVERED);
                assertThat(refused).as("every try of every key the card could not cover was refused")
                        .isEqualTo((terminals.size() * KEYS_PER_TERMINAL - COVERED) * TRIES_PER_KEY);
            }

            JsonNode card = manager.get("/api/v1/gift-cards/GC-RACE01").body();
            assertThat(card.path("balance").asLong()).isZero();
            List<Long> balances = new ArrayList<>();
            long spent = 0;
            for (JsonNode move : card.path("moves")) {
                balances.add(move.path("balance").asLong());
                if (move.path("reason").asText().equals("payment")) {
                    spent -= move.path("delta").asLong();
                }
            }
            assertThat(balances).hasSize(COVERED + 1).allSatisfy(balance -> assertThat(balance).isNotNegative());
            assertThat(spent).isEqualTo(CROISSANT * COVERED);
            assertThat(manager.get("/api/v1/sales?limit=100").body().path("items")).as("the card's sale and the ten it paid")
                    .hasSize(COVERED + 1);
        }
    }

    private record Attempt(String key, Future<Reply> reply) {
    }
}
