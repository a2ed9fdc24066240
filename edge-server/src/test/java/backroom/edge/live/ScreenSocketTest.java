package backroom.edge.live;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.LiveScreen;
import backroom.edge.testing.RawRequest;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kitchen screen's socket both ways: a bump sent over it is the same write as over HTTP,
 * answered with its entry or its problem; and a screen that stops reading holds up nobody else.
 */
class ScreenSocketTest {

    private TestBox box;
    private Api api;
    private String shift;

    @BeforeEach
    void start() {
        box = TestBox.start();
        api = box.api();
        shift = api.openShift("r-screen");
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aBumpOverTheSocketIsAnsweredWithTheEntryItWroteOnceItIsOnDisk() {
        String orderId = api.ringSale(Sales.one("r-screen", shift, "food-croissant", 25_300)).field("orderId");
        try (LiveScreen screen = LiveScreen.connect(box.port(), "token=" + box.pairDevice("kds") + "&stations=pastry")) {
            screen.send("{\"type\":\"bump\",\"orderId\":\"" + orderId + "\",\"station\":\"pastry\"}");

            List<JsonNode> messages = screen.next(2);
            JsonNode answer = messages.stream().filter(m -> m.path("type").asText().equals("bumped")).findFirst().orElseThrow();
            JsonNode fed = messages.stream().filter(m -> m.has("seq")).findFirst().orElseThrow();
            assertThat(answer.path("orderId").asText()).isEqualTo(orderId);
            assertThat(answer.path("entry")).as("the entry, as the feed sends it").isEqualTo(fed);
            assertThat(fed.path("seq").asLong()).isEqualTo(box.headSeq());
            assertThat(fed.path("type").asText()).isEqualTo("order.status_changed");
            assertThat(fed.path("data").path("status").asText()).isEqualTo("cooking");
        }
        assertThat(api.get("/api/v1/orders/" + orderId).body().path("status").asText()).isEqualTo("cooking");
    }

    @Test
    void aRefusedBumpIsAnsweredWithTheProblemAnHttpBumpWouldGetAndWritesNothing() {
        String orderId = api.ringSale(Sales.one("r-screen", shift, "food-croissant", 25_300)).field("orderId");
        String kds = box.pairDevice("kds");
        String terminal = box.pairDevice("terminal");
        long head = box.headSeq();
        try (LiveScreen kitchen = LiveScreen.connect(box.port(), "token=" + kds + "&stations=pastry");
             LiveScreen till = LiveScreen.connect(box.port(), "token=" + terminal)) {
            kitchen.send("{\"type\":\"bump\",\"orderId\":\"no-such-order\"}");
            kitchen.send("{\"type\":\"bump\"}");
            kitchen.send("{\"type\":\"bump\",\"orderId\":\"" + orderId + "\",\"station\":\"\"}");
            till.send("{\"type\":\"bump\",\"orderId\":\"" + orderId + "\"}");

            List<JsonNode> refusals = kitchen.next(3);
            JsonNode tillRefusal = till.next();

            assertThat(refusals).extracting(m -> m.path("type").asText()).containsOnly("problem");
            assertThat(refusals).extracting(m -> m.path("problem").path("status").asInt()).containsExactly(404, 422, 422);
            assertThat(refusals.get(1).path("problem").path("errors").get(0).path("field").asText()).isEqualTo("orderId");
            assertThat(refusals.get(2).path("problem").path("errors").get(0).path("field").asText()).isEqualTo("station");
            assertThat(tillRefusal.path("problem").path("status").asInt()).as("a till with nobody signed in").isEqualTo(403);
            assertThat(tillRefusal.path("problem").path("errors").get(0).path("field").asText()).isEqualTo("Authorization");
        }
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aScreenThatStopsReadingHoldsUpNeitherTheOtherScreensNorTheSales() throws InterruptedException {
        ring(3_000);
        // Replaying the whole ledger to a client that never reads fills its connection at once;
        // its sender then waits on it for as long as the test runs.
        String kds = box.pairDevice("kds");
        try (RawRequest stuck = RawRequest.send(box.port(), "GET /ws?since=0&token=" + kds + " HTTP/1.1\r\nHost: box\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n");
             LiveScreen healthy = LiveScreen.connect(box.port(), "token=" + kds)) {
            long from = box.headSeq();
            ring(100);

            List<JsonNode> got = healthy.next(200);
            assertThat(got.getFirst().path("seq").asLong()).isEqualTo(from + 1);
            assertThat(got.getLast().path("seq").asLong()).isEqualTo(from + 200);
            assertThat(box.box().liveSockets()).as("the stuck one is still there, its sender waiting").isEqualTo(2);
            assertThat(stuck).isNotNull();
        }
    }

    /** {@code count} sales from 8 tablets at once, each answered 201. */
    private void ring(int count) throws InterruptedException {
        try (ExecutorService tablets = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < count; i++) {
                tablets.submit(() -> assertThat(api.ringSale(Sales.twoLargeLattesWithExtraShot("r-screen", shift)).status()).isEqualTo(201));
            }
            tablets.shutdown();
            assertThat(tablets.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
    }
}
