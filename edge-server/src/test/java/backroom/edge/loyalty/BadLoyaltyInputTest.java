package backroom.edge.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Refusals;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TestBox;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bad program, a bad member and a bad look-up are refused naming each bad field, and write nothing. */
class BadLoyaltyInputTest {

    private TestBox box;
    private Api api;
    private long head;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        head = box.headSeq();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aBadProgramIsRefusedNamingEveryBadField() {
        refused(() -> api.put("/api/v1/loyalty/program", Map.of("amountPerPoint", 0, "pointValue", -1, "tiers", List.of())), 422,
                "amountPerPoint", "pointValue", "tiers");
        refused(() -> api.put("/api/v1/loyalty/program", Map.of("amountPerPoint", 50_000, "pointValue", 1_000, "tiers", List.of(
                tier("basic", 0, 10_000), tier("basic", 10, 10_000), tier("Gold!", 20, 10_000), tier("silver", 0, 0)))), 422,
                "tiers[1].id", "tiers[2].id", "tiers[3].threshold", "tiers[3].multiplierBp");
        refused(() -> api.put("/api/v1/loyalty/program", Map.of("amountPerPoint", 50_000, "pointValue", 1_000, "tiers", List.of(
                tier("silver", 100, 12_000)))), 422, "tiers");
        assertThat(api.get("/api/v1/loyalty/program").status()).as("no program yet").isEqualTo(404);
        String shift = api.openShift("r1");
        head = box.headSeq();
        Reply noProgram = api.ringSale(backroom.edge.testing.Sales.sale("r1", shift, List.of(backroom.edge.testing.Sales.item(
                "food-croissant", null, 1, List.of())), List.of(Map.of("method", "points", "amount", 25_300))));
        assertThat(noProgram.status()).isEqualTo(422);
        assertThat(noProgram.body().path("detail").asText()).isEqualTo("payments[0].method: the store has no loyalty program");
        Map<String, Object> anyone = new java.util.HashMap<>(backroom.edge.testing.Sales.one("r1", shift, "food-croissant", 25_300));
        anyone.put("customerId", "c-77");
        assertThat(api.ringSale(anyone).status()).as("without a program a customerId is anyone's reference").isEqualTo(201);
    }

    @Test
    void aBadMemberOrLookUpIsRefusedNamingTheField() {
        refused(() -> api.post("/api/v1/customers", Map.of("name", "Sari", "phone", "0811111111")), 409, "name");
        require(api.put("/api/v1/loyalty/program", Map.of("amountPerPoint", 50_000, "pointValue", 1_000, "tiers", List.of(
                tier("basic", 0, 10_000)))), 200);
        head = box.headSeq();
        refused(() -> api.post("/api/v1/customers", Map.of("name", " ", "phone", "0811", "cardNumber", "a b")), 422, "name", "phone",
                "cardNumber");
        refused(() -> api.post("/api/v1/customers", Map.of("name", "Sari")), 422, "phone");
        refused(() -> api.get("/api/v1/customers"), 400, "phone");
        refused(() -> api.get("/api/v1/customers?phone=0811111111&card=LOY-0001"), 400, "phone");
        refused(() -> api.get("/api/v1/customers/nobody"), 404);
        assertThat(api.get("/api/v1/customers?phone=0811111111").body().path("customers")).isEmpty();
    }

    private static Map<String, Object> tier(String id, long threshold, int multiplierBp) {
        return Map.of("id", id, "name", "Tier " + id, "threshold", threshold, "multiplierBp", multiplierBp);
    }

    private static void require(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    }

    private void refused(Supplier<Reply> call, int status, String... fields) {
        Refusals.assertRefused(box, head, call, status, fields);
    }
}
