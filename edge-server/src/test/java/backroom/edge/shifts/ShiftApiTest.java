package backroom.edge.shifts;

import static backroom.edge.testing.Sales.item;
import static backroom.edge.testing.Sales.payment;
import static backroom.edge.testing.Sales.sale;
import static backroom.edge.testing.Sales.twoLargeLattesWithExtraShot;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShiftApiTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();
    static Api api;

    @BeforeAll
    static void connect() {
        api = box.api();
    }

    @Test
    void aRegisterHasOneOpenShiftAtATime() {
        api.openShift("one");
        Reply second = api.post("/api/v1/shifts", Map.of("registerId", "one", "openingFloat", 0));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemFields()).containsExactly("registerId");
        assertThat(second.body().path("detail").asText()).isEqualTo("registerId: register one already has an open shift");
    }

    @Test
    void closingGivesAZReportOfExpectedCountedAndVariance() {
        String shift = api.openShift("z");
        api.ringSale(twoLargeLattesWithExtraShot("z", shift));
        api.ringSale(sale("z", shift, List.of(item("coffee-latte", "large", 2, List.of("extra-shot"))),
                List.of(payment("card", 69_000))));
        Reply voided = api.ringSale(twoLargeLattesWithExtraShot("z", shift));
        api.voidSale(voided.field("saleId"), "wrong order");

        Reply x = api.get("/api/v1/shifts/" + shift + "/report");
        assertThat(x.number("expectedCash")).isEqualTo(500_000 + 69_000);
        assertThat(x.body().path("countedCash").isNull()).isTrue();

        Reply z = api.post("/api/v1/shifts/" + shift + "/close", Map.of("countedCash", 568_000));

        assertThat(z.status()).isEqualTo(200);
        assertThat(z.field("status")).isEqualTo("closed");
        assertThat(z.number("expectedCash")).isEqualTo(569_000);
        assertThat(z.number("countedCash")).isEqualTo(568_000);
        assertThat(z.number("variance")).isEqualTo(-1_000);
        assertThat(z.body().path("totalsByMethod").path("cash").asLong()).isEqualTo(69_000);
        assertThat(z.body().path("totalsByMethod").path("card").asLong()).isEqualTo(69_000);
        assertThat(z.number("salesCount")).isEqualTo(2);
        assertThat(z.number("voidsCount")).isEqualTo(1);
        long head = box.headSeq();
        Reply again = api.post("/api/v1/shifts/" + shift + "/close", Map.of("countedCash", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemFields()).containsExactly("shiftId");
        assertThat(again.body().path("detail").asText()).isEqualTo("shiftId: shift " + shift + " is already closed");
        assertThat(api.get("/api/v1/shifts/" + shift).number("countedCash")).isEqualTo(568_000);
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aTabletFindsTheOpenShiftOfItsRegister() {
        String shift = api.openShift("lost-answer");

        Reply found = api.get("/api/v1/shifts?registerId=lost-answer&status=open");

        assertThat(found.body().path("items").findValuesAsText("shiftId")).containsExactly(shift);
        api.closeShift(shift, 500_000);
        assertThat(api.get("/api/v1/shifts?registerId=lost-answer&status=open").body().path("items")).isEmpty();
        assertThat(api.get("/api/v1/shifts?status=maybe").problemFields()).containsExactly("status");
    }

    @Test
    void shiftsAreFoundByRegisterAndStatusAndReadBackOpenOrClosed() {
        String closed = api.openShift("find");
        api.closeShift(closed, 499_000);
        String open = api.openShift("find");
        api.openShift("find-other");

        assertThat(shiftIds("?registerId=find")).containsExactlyInAnyOrder(open, closed);
        assertThat(shiftIds("?registerId=find&status=open")).containsExactly(open);
        assertThat(shiftIds("?registerId=find&status=closed")).containsExactly(closed);
        assertThat(shiftIds("?status=open")).contains(open).doesNotContain(closed);
        Reply openShift = api.get("/api/v1/shifts/" + open);
        assertThat(List.of(openShift.field("status"), openShift.field("registerId"), openShift.field("openingFloat"))).containsExactly("open", "find", "500000");
        assertThat(List.of(openShift.body().path("closedAt").isNull(), openShift.body().path("countedCash").isNull(),
                openShift.body().path("expectedCash").isNull())).containsExactly(true, true, true);
        Reply closedShift = api.get("/api/v1/shifts/" + closed);
        assertThat(List.of(closedShift.field("status"), closedShift.field("countedCash"), closedShift.field("expectedCash")))
                .containsExactly("closed", "499000", "500000");
        assertThat(closedShift.body().path("closedAt").isNull()).isFalse();
    }

    @Test
    void anUnknownShiftIs404WhereverItIsNamed() {
        for (Reply reply : List.of(api.get("/api/v1/shifts/nope"), api.get("/api/v1/shifts/nope/report"),
                api.get("/api/v1/shifts/nope/cash-movements"), api.post("/api/v1/shifts/nope/close", Map.of("countedCash", 1)))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body().path("detail").asText()).isEqualTo("shift nope does not exist");
        }
    }

    private static List<String> shiftIds(String query) {
        return api.get("/api/v1/shifts" + query).body().path("items").findValuesAsText("shiftId");
    }

    @Test
    void badShiftInputIsRefusedNamingTheField() {
        long head = box.headSeq();
        assertThat(api.post("/api/v1/shifts", Map.of("registerId", "x", "openingFloat", -1)).problemFields()).containsExactly("openingFloat");
        assertThat(api.post("/api/v1/shifts", Map.of("openingFloat", 1)).problemFields()).containsExactly("registerId");
        assertThat(api.post("/api/v1/shifts/nope/close", Map.of("countedCash", 1)).status()).isEqualTo(404);
        assertThat(box.headSeq()).isEqualTo(head);
        String open = api.openShift("bad-close");
        long opened = box.headSeq();
        Reply negative = api.post("/api/v1/shifts/" + open + "/close", Map.of("countedCash", -1));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.problemFields()).containsExactly("countedCash");
        assertThat(api.get("/api/v1/shifts/" + open).field("status")).isEqualTo("open");
        assertThat(box.headSeq()).isEqualTo(opened);
    }
}
