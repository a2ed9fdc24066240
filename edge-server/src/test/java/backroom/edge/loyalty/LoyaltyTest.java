package backroom.edge.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loyalty through the API: a member found by phone or card; points earned once per sale through
 * retries, at their tier's multiplier (69,000 at 50,000 a point and Silver's x1.2 is 1 point), the
 * tier reached by lifetime spend; taken back by a void and, as far as the refund goes, by a refund;
 * points paid as a payment and given back by its void.
 */
class LoyaltyTest {

    private static final String REGISTER = "r-loyalty";
    /** Gold at 2,000,000 lifetime: x2. */
    private static final Map<String, Object> PROGRAM = Map.of("amountPerPoint", 50_000, "pointValue", 1_000, "tiers", List.of(
            Map.of("id", "basic", "name", "Basic", "threshold", 0, "multiplierBp", 10_000),
            Map.of("id", "silver", "name", "Silver", "threshold", 100_000, "multiplierBp", 12_000),
            Map.of("id", "gold", "name", "Gold", "threshold", 2_000_000, "multiplierBp", 20_000)));

    private TestBox box;
    private Api api;
    private String shift;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        shift = api.openShift(REGISTER);
        require(api.put("/api/v1/loyalty/program", PROGRAM), 200);
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void theIssuesExampleHolds69000AtSilverEarnsOnePoint() {
        String member = join("Sari", "+628123456789", null);
        Reply first = require(paid(member, 100_000, Sales.payment("card", 100_000)), 201);
        assertThat(customer(member).path("tier").asText()).as("100,000 spent reaches Silver").isEqualTo("silver");
        assertThat(customer(member).path("points").asLong()).as("100,000 at Basic's x1: 2 points").isEqualTo(2);

        require(paid(member, 69_000, Sales.payment("card", 69_000)), 201);
        assertThat(customer(member).path("points").asLong()).as("69,000 at 50,000 a point, x1.2: 1 point").isEqualTo(3);
        JsonNode earned = moves(member).get(0);
        assertThat(earned.path("kind").asText()).isEqualTo("earned");
        assertThat(earned.path("points").asLong()).isEqualTo(1);
        assertThat(earned.path("multiplierBp").asInt()).isEqualTo(12_000);
        assertThat(first.field("saleId")).isNotBlank();
    }

    @Test
    void pointsAreEarnedOncePerSaleWhateverTheRetriesAndTakenBackByItsVoidAndRefunds() {
        String member = join("Budi", null, "LOY-000001");
        assertThat(api.get("/api/v1/customers?card=LOY-000001").body().path("customers").get(0).path("customerId").asText())
                .isEqualTo(member);
        String key = UUID.randomUUID().toString();
        Map<String, Object> sale = sale(member, 500_000, Sales.payment("card", 500_000));
        Reply rung = require(api.ringSale(key, sale), 201);
        Reply again = require(api.ringSale(key, sale), 201);
        assertThat(again.text()).isEqualTo(rung.text());
        assertThat(customer(member).path("points").asLong()).as("10 points, once").isEqualTo(10);
        assertThat(moves(member)).hasSize(1);

        require(api.voidSale(rung.field("saleId"), "wrong member"), 200);
        assertThat(customer(member).path("points").asLong()).isZero();
        assertThat(customer(member).path("lifetimeSpend").asLong()).isZero();

        String saleId = require(api.ringSale(sale(member, List.of(item(250_000), item(250_001)), Sales.payment("card", 500_000))), 201)
                .field("saleId");
        assertThat(customer(member).path("points").asLong()).as("the void took the spend back too: Basic's x1 again").isEqualTo(10);
        assertThat(customer(member).path("tier").asText()).isEqualTo("silver");
        require(api.post("/api/v1/sales/" + saleId + "/refunds", Map.of("reason", "cold", "method", "card",
                "items", List.of(Map.of("lineNo", 1, "quantity", 1)))), 201);
        JsonNode afterPart = customer(member);
        long refunded = 500_000 - afterPart.path("lifetimeSpend").asLong();
        assertThat(refunded).as("the refund's amount comes off the spend").isPositive();
        assertThat(afterPart.path("points").asLong()).as("what the spend left still earns at the x1 it was earned at")
                .isEqualTo((500_000 - refunded) / 50_000);
        require(api.post("/api/v1/sales/" + saleId + "/refunds", Map.of("reason", "cold", "method", "card")), 201);
        assertThat(customer(member).path("points").asLong()).as("all refunded: nothing earned").isZero();
        assertThat(customer(member).path("lifetimeSpend").asLong()).isZero();
        assertThat(customer(member).path("tier").asText()).as("back below Silver").isEqualTo("basic");
    }

    @Test
    void pointsPayAndTheirVoidGivesThemBackAndTooFewAreRefused() {
        String member = join("Wati", "081234567", null);
        require(paid(member, 2_000_000, Sales.payment("card", 2_000_000)), 201);
        assertThat(customer(member).path("points").asLong()).isEqualTo(40);
        assertThat(customer(member).path("tier").asText()).isEqualTo("gold");

        Map<String, Object> tooManyPoints = sale(member, 50_000, Map.of("method", "points", "amount", 41_000), Sales.payment("cash", 9_000));
        Map<String, Object> partPoint = sale(member, 50_000, Map.of("method", "points", "amount", 500), Sales.payment("cash", 49_500));
        Map<String, Object> anonymous = Sales.sale(REGISTER, shift, List.of(item(30_000)), List.of(Map.of("method", "points",
                "amount", 30_000)));
        long head = box.headSeq();
        Reply tooMany = api.ringSale(tooManyPoints);
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.problemFields()).containsExactly("payments[0].amount");
        assertThat(api.ringSale(partPoint).problemFields()).containsExactly("payments[0].amount");
        assertThat(require(api.ringSale(anonymous), 422).problemFields()).containsExactly("payments[0].method");
        assertThat(box.headSeq()).as("refusals write nothing").isEqualTo(head);

        assertThat(tooMany.body().path("detail").asText()).isEqualTo("payments[0].amount: member " + member + " holds 40 points, short of 41");
        Reply withPoints = require(paid(member, 60_000, Map.of("method", "points", "amount", 30_000), Sales.payment("card", 30_000)), 201);
        JsonNode paid = customer(member);
        assertThat(paid.path("points").asLong()).as("30 paid; the 30,000 not paid in points earns 1 at Gold's x2").isEqualTo(40 - 30 + 1);
        assertThat(paid.path("lifetimeSpend").asLong()).as("what was paid in points is no spend").isEqualTo(2_030_000);
        require(api.voidSale(withPoints.field("saleId"), "changed their mind"), 200);
        assertThat(customer(member).path("points").asLong()).as("the points paid come back, the earned go").isEqualTo(40);

        Reply allInPoints = require(paid(member, 20_000, Map.of("method", "points", "amount", 20_000)), 201);
        assertThat(moves(member).get(0).path("kind").asText()).as("nothing spent, nothing earned").isEqualTo("redeemed");
        assertThat(customer(member).path("points").asLong()).isEqualTo(20);
        require(api.post("/api/v1/sales/" + allInPoints.field("saleId") + "/refunds", Map.of("reason", "cold")), 201);
        JsonNode returned = moves(member).get(0);
        assertThat(returned.path("kind").asText()).as("refunded in points, as it was paid").isEqualTo("returned");
        assertThat(returned.path("points").asLong()).isEqualTo(20);
        assertThat(customer(member).path("points").asLong()).isEqualTo(40);
        assertThat(customer(member).path("lifetimeSpend").asLong()).isEqualTo(2_000_000);
    }

    @Test
    void anOpenCheckCannotBePaidInPointsForItNamesNoMember() {
        String checkId = require(api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("tableId", "t3", "guests", 2)),
                201).field("checkId");
        long due = require(api.postWithKey("/api/v1/checks/" + checkId + "/rounds", UUID.randomUUID().toString(),
                Map.of("items", List.of(item(30_000)))), 201).body().path("grandTotal").asLong();
        long head = box.headSeq();
        Reply refused = require(api.postWithKey("/api/v1/checks/" + checkId + "/payments", UUID.randomUUID().toString(),
                Map.of("registerId", REGISTER, "shiftId", shift, "payments", List.of(Map.of("method", "points", "amount", due)))), 422);
        assertThat(refused.problemFields()).containsExactly("payments[0].method");
        assertThat(box.headSeq()).as("the refusal writes nothing").isEqualTo(head);
        assertThat(require(api.postWithKey("/api/v1/checks/" + checkId + "/payments", UUID.randomUUID().toString(),
                Map.of("registerId", REGISTER, "shiftId", shift, "payments", List.of(Sales.payment("cash", due)))), 201).status())
                .as("the same check paid in cash").isEqualTo(201);
    }

    @Test
    void aSaleEarnsAtTheTierTheMemberHeldThoughTheProgramChangedAndTheTierIsWorkedOutAgainAfter() {
        String member = join("Dewi", "0822222222", null);
        require(paid(member, 100_000, Sales.payment("card", 100_000)), 201);
        assertThat(customer(member).path("tier").asText()).isEqualTo("silver");
        Reply changed = require(api.put("/api/v1/loyalty/program", Map.of("amountPerPoint", 50_000, "pointValue", 1_000, "tiers", List.of(
                Map.of("id", "silver", "name", "Silver", "threshold", 500_000, "multiplierBp", 12_000),
                Map.of("id", "basic", "name", "Basic", "threshold", 0, "multiplierBp", 10_000)))), 200);
        assertThat(changed.body().path("tiers").get(0).path("id").asText()).as("held by threshold").isEqualTo("basic");
        assertThat(api.get("/api/v1/loyalty/program").body()).isEqualTo(changed.body());

        require(paid(member, 125_000, Sales.payment("card", 125_000)), 201);
        JsonNode earned = moves(member).get(0);
        assertThat(earned.path("multiplierBp").asInt()).as("the tier the member held when they paid").isEqualTo(12_000);
        assertThat(earned.path("points").asLong()).isEqualTo(3);
        assertThat(customer(member).path("tier").asText()).as("225,000 is below the new Silver").isEqualTo("basic");
    }

    @Test
    void aSaleForSomeoneNotAMemberIsRefusedOnceTheStoreHasAProgram() {
        Reply refused = api.ringSale(sale("nobody", 10_000, Sales.payment("card", 10_000)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemFields()).containsExactly("customerId");
        assertThat(api.post("/api/v1/customers", Map.of("name", "Sari", "phone", "081111111")).status()).isEqualTo(201);
        Reply twice = api.post("/api/v1/customers", Map.of("name", "Sari again", "phone", "081111111"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemFields()).containsExactly("phone");
        assertThat(api.post("/api/v1/customers", Map.of("name", "Card", "cardNumber", "LOY-7777")).status()).isEqualTo(201);
        Reply sameCard = api.post("/api/v1/customers", Map.of("name", "Card again", "phone", "0833333333", "cardNumber", "LOY-7777"));
        assertThat(sameCard.status()).isEqualTo(409);
        assertThat(sameCard.problemFields()).containsExactly("cardNumber");
        assertThat(sameCard.body().path("detail").asText()).isEqualTo("cardNumber: a member already has that card number");
        String anonymous = require(api.ringSale(Sales.sale(REGISTER, shift, List.of(item(10_000)), List.of(Sales.payment("card", 10_000)))),
                201).field("saleId");
        long head = box.headSeq();
        Reply noOneToGiveTo = api.post("/api/v1/sales/" + anonymous + "/refunds", Map.of("reason", "cold", "method", "points"));
        assertThat(noOneToGiveTo.status()).isEqualTo(422);
        assertThat(noOneToGiveTo.problemFields()).containsExactly("method");
        assertThat(box.headSeq()).isEqualTo(head);
        Reply noMember = api.ringSale(Sales.sale(REGISTER, shift, List.of(item(10_000)), List.of(Map.of("method", "points",
                "amount", 10_000))));
        assertThat(noMember.body().path("detail").asText()).isEqualTo("payments[0].method: paying with points needs the sale's customerId");
    }

    private String join(String name, String phone, String card) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name));
        if (phone != null) {
            body.put("phone", phone);
        }
        if (card != null) {
            body.put("cardNumber", card);
        }
        return require(api.post("/api/v1/customers", body), 201).field("customerId");
    }

    /** A sale of one line priced at {@code amount} (a product made for it), for the member, paid as given. */
    @SafeVarargs
    private Reply paid(String member, long amount, Map<String, Object>... payments) {
        return api.ringSale(sale(member, amount, payments));
    }

    @SafeVarargs
    private Map<String, Object> sale(String member, long amount, Map<String, Object>... payments) {
        return sale(member, List.of(item(amount)), payments);
    }

    @SafeVarargs
    private Map<String, Object> sale(String member, List<Map<String, Object>> items, Map<String, Object>... payments) {
        Map<String, Object> body = new java.util.HashMap<>(Sales.sale(REGISTER, shift, items, List.of(payments)));
        body.put("customerId", member);
        return body;
    }

    /** One unit of a product priced so that, with the demo store's 5% service charge, it comes to {@code total}. */
    private Map<String, Object> item(long total) {
        String product = "item-" + total;
        long price = (total * 100 + 52) / 105;
        require(api.put("/api/v1/catalog/products/" + product, Map.of("name", "Item " + total, "price", price, "categoryId", "retail",
                "trackStock", false)), 200);
        return Sales.item(product, null, 1, List.of());
    }

    private JsonNode customer(String id) {
        return require(api.get("/api/v1/customers/" + id), 200).body().path("customer");
    }

    private JsonNode moves(String id) {
        return require(api.get("/api/v1/customers/" + id), 200).body().path("moves");
    }

    private static Reply require(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }
}
