package backroom.edge.checks;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SharedBox;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each wrong check request gets a 4xx problem naming its field, and writes nothing. */
class BadCheckInputTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    private static Api api;
    private static String shift;
    private static String checkId;
    private static String closedCheckId;

    @BeforeAll
    static void openACheck() {
        api = box.api();
        shift = api.openShift("r-bad");
        checkId = keyed("/api/v1/checks", Map.of("tableId", "t-bad")).field("checkId");
        keyed("/api/v1/checks/" + checkId + "/rounds", Map.of("items", List.of(Sales.item("food-croissant", null, 1, List.of()))));
        closedCheckId = keyed("/api/v1/checks", Map.of("name", "Ana's tab")).field("checkId");
        keyed("/api/v1/checks/" + closedCheckId + "/rounds", Map.of("items", List.of(Sales.item("food-croissant", null, 1, List.of()))));
        Reply paid = keyed("/api/v1/checks/" + closedCheckId + "/payments", Map.of("registerId", "r-bad", "shiftId", shift,
                "payments", List.of(Sales.payment("cash", 100_000))));
        assertThat(paid.field("checkStatus")).isEqualTo("closed");
    }

    @Test
    void aCheckNeedsATableOrANameAndSaneGuests() {
        refused(() -> keyed("/api/v1/checks", Map.of("guests", 3)), 422, "tableId");
        refused(() -> keyed("/api/v1/checks", Map.of("tableId", "t-x", "guests", 0, "orderType", "retail")), 422, "orderType", "guests");
        refused(() -> keyed("/api/v1/checks", Map.of("tableId", "t-bad")), 409, "tableId");
        refused(() -> api.post("/api/v1/checks", Map.of("tableId", "t-y")), 400, "Idempotency-Key");
    }

    @Test
    void aRoundOfItemsASaleWouldRefuseIsRefusedTheSameWay() {
        refused(() -> keyed("/api/v1/checks/" + checkId + "/rounds", Map.of("items", List.of())), 422, "items");
        refused(() -> keyed("/api/v1/checks/" + checkId + "/rounds", Map.of("items", List.of(Map.of("productId", "no-such", "quantity", 1)))),
                422, "items[0].productId");
        refused(() -> keyed("/api/v1/checks/" + checkId + "/rounds", Map.of("items", List.of(Map.of("productId", "food-croissant",
                "quantity", 0)))), 422, "items[0].quantity");
        refused(() -> keyed("/api/v1/checks/" + closedCheckId + "/rounds", Map.of("items",
                List.of(Sales.item("food-croissant", null, 1, List.of())))), 409, "checkId");
        assertThat(keyed("/api/v1/checks/nope/rounds", Map.of("items", List.of(Sales.item("food-croissant", null, 1, List.of())))).status())
                .isEqualTo(404);
    }

    @Test
    void aSplitMustCoverEveryLineOnceOrAddUpToTheCheck() {
        refused(() -> api.post("/api/v1/checks/" + checkId + "/split", Map.of("by", "halves")), 422, "by");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/split", Map.of("by", "equally", "ways", 1)), 422, "ways");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/split", Map.of("by", "amounts", "amounts", List.of(1, 2))), 422, "amounts");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/split", Map.of("by", "amounts", "amounts", List.of(-1, 2))), 422,
                "amounts[0]");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/split", Map.of("by", "items",
                "parts", List.of(Map.of("lineNos", List.of(1)), Map.of("lineNos", List.of(2))))), 422, "parts");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/split", Map.of("by", "items",
                "parts", List.of(Map.of("lineNos", List.of(1)), Map.of("lineNos", List.of(1))))), 422, "parts[1].lineNos");
    }

    @Test
    void aPaymentShortOfItsPartOrOnAClosedCheckOrShiftIsRefused() {
        refused(() -> keyed("/api/v1/checks/" + checkId + "/payments", Map.of("registerId", "r-bad", "shiftId", shift,
                "payments", List.of(Sales.payment("card", 1_000)))), 422, "payments");
        refused(() -> keyed("/api/v1/checks/" + checkId + "/payments", Map.of("registerId", "r-bad",
                "payments", List.of(Sales.payment("bitcoin", 1_000)))), 422, "shiftId", "payments[0].method");
        refused(() -> keyed("/api/v1/checks/" + checkId + "/payments", Map.of("registerId", "r-bad", "shiftId", shift, "partNo", 2,
                "payments", List.of(Sales.payment("cash", 100_000)))), 422, "partNo");
        refused(() -> keyed("/api/v1/checks/" + closedCheckId + "/payments", Map.of("registerId", "r-bad", "shiftId", shift,
                "payments", List.of(Sales.payment("cash", 100_000)))), 409, "checkId");
        refused(() -> keyed("/api/v1/checks/" + checkId + "/payments", Map.of("registerId", "r-other", "shiftId", shift,
                "payments", List.of(Sales.payment("cash", 100_000)))), 409, "shiftId");
    }

    @Test
    void aMoveMergeDiscountOrPriceWithoutWhatItNeedsIsRefusedNamingIt() {
        refused(() -> api.post("/api/v1/checks/" + checkId + "/move", Map.of()), 422, "tableId");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/move", Map.of("tableId", "t".repeat(65))), 422, "tableId");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/merge", Map.of()), 422, "fromCheckId");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/merge", Map.of("fromCheckId", checkId)), 422, "fromCheckId");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/merge", Map.of("fromCheckId", closedCheckId)), 409, "fromCheckId");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/discount", Map.of("amount", 1, "percentBp", 1, "reason", "x")), 422,
                "percentBp");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/discount", Map.of("amount", 1)), 422, "reason");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/lines/1/price", Map.of("unitPrice", 1)), 422, "reason");
        refused(() -> api.post("/api/v1/checks/" + checkId + "/lines/1/price", Map.of("unitPrice", -1, "reason", "x")), 422, "unitPrice");
        assertThat(api.post("/api/v1/checks/" + checkId + "/lines/one/price", Map.of("unitPrice", 1, "reason", "x")).status())
                .isEqualTo(404);
    }

    private static Reply keyed(String path, Object body) {
        return api.postWithKey(path, UUID.randomUUID().toString(), body);
    }

    private static void refused(Supplier<Reply> request, int status, String... fields) {
        long before = box.headSeq();
        Reply reply = request.get();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.problemFields()).containsExactlyInAnyOrder(fields);
        assertThat(box.headSeq()).as("nothing written").isEqualTo(before);
    }
}
