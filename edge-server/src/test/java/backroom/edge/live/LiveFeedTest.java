package backroom.edge.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backroom.edge.testing.Api;
import backroom.edge.testing.LiveScreen;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SalesBurst;
import backroom.edge.testing.SharedBox;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live feed at /ws, through a real WebSocket client: what a screen is sent, and who may open it. */
class LiveFeedTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    @Test
    void aScreenThatStartsFromSeqZeroGetsEveryEntryButAccessBookkeepingInOrderThenEachNewSale() {
        String shift = box.api().openShift("live-1");
        box.api().ringSale(Sales.twoLargeLattesWithExtraShot("live-1", shift));
        try (LiveScreen screen = LiveScreen.connect(box.box().port(), "since=0&token=" + box.box().pairDevice("kds"))) {
            Reply sale = box.api().ringSale(Sales.twoLargeLattesWithExtraShot("live-1", shift));
            List<Long> shown = shownSeqsUpTo(sale.number("ledgerSeq"));

            List<JsonNode> messages = screen.next(shown.size());

            assertThat(seqs(messages)).isEqualTo(shown);
            assertThat(messages).noneMatch(m -> m.path("type").asText().matches("(device|staff|session|pairing)\\..*"));
            JsonNode last = messages.getLast();
            assertThat(last.path("type").asText()).isEqualTo("sale.completed");
            assertThat(last.path("data").path("receiptNumber").asText()).isEqualTo(sale.field("receiptNumber"));
            assertThat(last.path("data").path("grandTotal").asLong()).isEqualTo(69_000);
        }
    }

    @Test
    void aScreenThatReconnectsWithTheLastSeqItGotGetsExactlyWhatItMissed() {
        String kds = box.box().pairDevice("kds");
        String shift = box.api().openShift("live-2");
        long seen;
        try (LiveScreen screen = LiveScreen.connect(box.box().port(), "token=" + kds)) {
            Reply first = box.api().ringSale(Sales.twoLargeLattesWithExtraShot("live-2", shift));
            seen = screen.next().path("seq").asLong();
            assertThat(seen).isEqualTo(first.number("ledgerSeq"));
        }
        long missedA = box.api().ringSale(Sales.twoLargeLattesWithExtraShot("live-2", shift)).number("ledgerSeq");
        long missedB = box.api().ringSale(Sales.twoLargeLattesWithExtraShot("live-2", shift)).number("ledgerSeq");

        try (LiveScreen screen = LiveScreen.connect(box.box().port(), "token=" + kds + "&since=" + seen)) {
            List<Long> caughtUp = seqs(screen.next(5));
            long after = box.api().ringSale(Sales.twoLargeLattesWithExtraShot("live-2", shift)).number("ledgerSeq");

            assertThat(caughtUp).as("the first sale's kitchen order, then each missed sale with its own")
                    .containsExactly(seen + 1, missedA, missedA + 1, missedB, missedB + 1);
            assertThat(seqs(screen.next(2))).containsExactly(after, after + 1);
            assertThat(screen.waiting()).isEmpty();
        }
    }

    @Test
    void screensThatJoinDuringABurstOfSalesGetEachEntryExactlyOnceInOrder() throws InterruptedException {
        String shift = box.api().openShift("live-5");
        String kds = box.box().pairDevice("kds");
        try (SalesBurst burst = SalesBurst.start(box.api(), "live-5", shift, 4)) {
            burst.awaitAnswered(50);
            long joinedAt = box.headSeq();
            try (LiveScreen fromStart = LiveScreen.connect(box.box().port(), "token=" + kds + "&since=0");
                 LiveScreen fromJoin = LiveScreen.connect(box.box().port(), "token=" + kds + "&since=" + joinedAt)) {
                burst.awaitAnswered(200);
                assertThat(box.api().post("/api/v1/shifts/" + shift + "/close", Map.of("countedCash", 0)).status()).isEqualTo(200);
                burst.close();
                List<Long> shown = shownSeqsUpTo(box.headSeq());

                assertThat(seqs(fromStart.next(shown.size()))).isEqualTo(shown);
                List<Long> sinceJoin = shown.stream().filter(seq -> seq > joinedAt).toList();
                assertThat(seqs(fromJoin.next(sinceJoin.size()))).isEqualTo(sinceJoin);
                assertThat(fromStart.waiting()).isEmpty();
                assertThat(fromJoin.waiting()).isEmpty();
            }
        }
    }

    @Test
    void revokingADeviceClosesItsFeedAtOnceAndItsTokenOpensNoOther() {
        Reply code = box.api().post("/api/v1/devices/pairing-codes", Map.of("name", "Grill screen", "kind", "kds"));
        Reply paired = box.api().anonymous().post("/api/v1/devices/pair", Map.of("code", code.field("code")));
        String token = paired.field("token");
        String shift = box.api().openShift("live-4");
        try (LiveScreen screen = LiveScreen.connect(box.box().port(), "token=" + token)) {
            assertThat(box.api().delete("/api/v1/devices/" + paired.field("deviceId")).status()).isEqualTo(200);
            box.api().ringSale(Sales.twoLargeLattesWithExtraShot("live-4", shift));

            assertThat(screen.closeCode()).isEqualTo(LiveUpdates.ACCESS_ENDED);
            assertThat(screen.waiting()).as("sent after the revocation was answered").isEmpty();
            assertThat(box.box().box().liveSockets()).isZero();
        }
        LiveScreen.Refused again = catchThrowableOfType(LiveScreen.Refused.class,
                () -> LiveScreen.connect(box.box().port(), "token=" + token));
        assertThat(again.status()).isEqualTo(401);
    }

    @Test
    void signingOutClosesTheFeedOpenedWithThatSession() {
        Api cashier = box.box().signedIn("cashier");
        try (LiveScreen screen = LiveScreen.connect(box.box().port(), "token=" + cashier.token())) {
            assertThat(cashier.delete("/api/v1/sessions/current").status()).isEqualTo(200);

            assertThat(screen.closeCode()).isEqualTo(LiveUpdates.ACCESS_ENDED);
        }
    }

    @Test
    void theFeedOfASessionThatExpiresIsClosedWithoutAnyoneAsking() {
        try (TestBox own = TestBox.start();
             LiveScreen screen = LiveScreen.connect(own.port(), "token=" + own.api().token())) {
            String shift = own.api().openShift("live-3");
            own.api().ringSale(Sales.twoLargeLattesWithExtraShot("live-3", shift));
            assertThat(screen.next().path("type").asText()).isEqualTo("shift.opened");

            own.clock().advance(Duration.ofHours(12));

            assertThat(screen.closeCode()).isEqualTo(LiveUpdates.ACCESS_ENDED);
        }
    }

    @Test
    void theFeedIsRefusedWithProblemJsonWithoutAGoodTokenOrToAKiosk() {
        int port = box.box().port();
        assertThat(refusal(port, "")).isEqualTo(401);
        assertThat(refusal(port, "token=bd_not-a-token")).isEqualTo(401);
        assertThat(refusal(port, "token=" + box.box().pairDevice("kiosk"))).isEqualTo(403);
        assertThat(refusal(port, "token=" + box.box().pairDevice("kds") + "&since=yesterday")).isEqualTo(400);

        Reply noToken = box.api().anonymous().get("/ws");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.contentType()).isEqualTo("application/problem+json");
        Reply kiosk = new Api(port, box.box().pairDevice("kiosk")).get("/ws");
        assertThat(kiosk.status()).isEqualTo(403);
        assertThat(kiosk.contentType()).isEqualTo("application/problem+json");
        Reply badSince = box.api().get("/ws?since=-1");
        assertThat(badSince.status()).isEqualTo(400);
        assertThat(badSince.problemFields()).containsExactly("since");
        Reply noUpgrade = box.api().get("/ws");
        assertThat(noUpgrade.status()).isEqualTo(426);
        assertThat(noUpgrade.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aTokenInTheQueryIsTakenOnTheFeedAloneNeverOnTheApi() {
        assertThat(box.api().anonymous().get("/api/v1/catalog?token=" + box.api().token()).status()).isEqualTo(401);
    }

    @Test
    void aScreenFollowingItsStationsGetsOnlyTheirOrdersFromTheReplayOnAndMaySwitchStations() {
        String kds = box.box().pairDevice("kds");
        String shift = box.api().openShift("live-stations");
        long from = box.headSeq();
        long latte = box.api().ringSale(Sales.one("live-stations", shift, "coffee-latte", 28_800)).number("ledgerSeq");
        long croissant = box.api().ringSale(Sales.one("live-stations", shift, "food-croissant", 25_300)).number("ledgerSeq");

        try (LiveScreen pastry = LiveScreen.connect(box.box().port(), "token=" + kds + "&since=" + from + "&stations=pastry")) {
            JsonNode replayed = pastry.next();
            assertThat(replayed.path("seq").asLong()).as("the croissant's order, not its sale nor the latte's").isEqualTo(croissant + 1);
            assertThat(replayed.path("type").asText()).isEqualTo("order.created");

            pastry.send("{\"type\":\"subscribe\",\"stations\":[\"bar\"]}");
            JsonNode subscribed = pastry.next();
            Reply nextLatteSale = box.api().ringSale(Sales.one("live-stations", shift, "coffee-latte", 28_800));
            long nextLatte = nextLatteSale.number("ledgerSeq");
            box.api().ringSale(Sales.one("live-stations", shift, "food-croissant", 25_300));
            Reply bumped = box.api().post("/api/v1/orders/" + nextLatteSale.field("orderId") + "/bump", Map.of());

            assertThat(subscribed.path("type").asText()).isEqualTo("subscribed");
            assertThat(subscribed.path("data").path("stations").toString()).isEqualTo("[\"bar\"]");
            JsonNode barOrder = pastry.next();
            assertThat(barOrder.path("seq").asLong()).isEqualTo(nextLatte + 1);
            assertThat(barOrder.path("data").path("stations").toString()).isEqualTo("[\"bar\"]");
            JsonNode barBump = pastry.next();
            assertThat(barBump.path("type").asText()).isEqualTo("order.status_changed");
            assertThat(bumped.status()).isEqualTo(200);
            assertThat(barBump.path("data").path("orderId").asText()).isEqualTo(nextLatteSale.field("orderId"));
            assertThat(pastry.waiting()).isEmpty();
        }
        assertThat(latte).isLessThan(croissant);
    }

    @Test
    void aMessageThatIsNeitherASubscriptionNorABumpIsAnsweredWithAnErrorAndChangesNothing() {
        try (LiveScreen screen = LiveScreen.connect(box.box().port(), "token=" + box.box().pairDevice("kds"))) {
            screen.send("{\"type\":\"hello\"}");
            screen.send("{\"type\":\"subscribe\",\"stations\":[]}");
            screen.send("not json");

            List<JsonNode> answers = screen.next(3);
            assertThat(answers).extracting(answer -> answer.path("type").asText()).containsOnly("error");
            assertThat(answers.get(0).path("detail").asText()).startsWith("the live feed takes {\"type\":\"subscribe\"")
                    .contains("{\"type\":\"bump\"");
            assertThat(answers.get(1).path("detail").asText()).isEqualTo("stations: must name 1-20 stations, each 1-64 characters");
        }
        assertThat(refusal(box.box().port(), "token=" + box.box().pairDevice("kds") + "&stations=,")).isEqualTo(400);
    }

    private static List<Long> seqs(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("seq").asLong()).toList();
    }

    private static int refusal(int port, String query) {
        return catchThrowableOfType(LiveScreen.Refused.class, () -> LiveScreen.connect(port, query)).status();
    }

    /** The seqs of every entry up to {@code upTo} whose type a screen is shown, from the ledger table itself. */
    private static List<Long> shownSeqsUpTo(long upTo) {
        return box.box().box().database().jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT seq FROM ledger WHERE seq <= :upTo
                        AND type NOT LIKE 'device.%' AND type NOT LIKE 'staff.%'
                        AND type NOT LIKE 'session.%' AND type NOT LIKE 'pairing.%'
                        ORDER BY seq""")
                .bind("upTo", upTo)
                .mapTo(Long.class)
                .list());
    }
}
