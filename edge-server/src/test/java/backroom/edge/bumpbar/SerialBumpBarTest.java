package backroom.edge.bumpbar;

import static backroom.edge.bumpbar.OrderChecks.awaitUntil;
import static backroom.edge.bumpbar.OrderChecks.status;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.testing.Api;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SocatPair;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bump bar on the box's serial port (a socat pty pair here): its keys, through its profile, bump and recall at its station. */
class SerialBumpBarTest {

    @TempDir
    Path dir;

    @Test
    void aKeyBumpsTheNthOrderOnTheBarsStationAndTheRecallKeyTakesItBack() throws Exception {
        try (SocatPair cable = SocatPair.start(dir);
             TestBox box = TestBox.start(config -> config.withBumpBars(
                     List.of(new BumpBarBinding("bar", new BumpBarBinding.Serial(cable.boxEnd().toString(), null), "logic-controls-kb1700"))))) {
            Api api = box.api();
            String shift = api.openShift("r-bar");
            String first = api.ringSale(Sales.twoLargeLattesWithExtraShot("r-bar", shift)).field("orderId");
            String second = api.ringSale(Sales.twoLargeLattesWithExtraShot("r-bar", shift)).field("orderId");
            String pastry = api.ringSale(Sales.one("r-bar", shift, "food-croissant", 25_300)).field("orderId");

            cable.send("2");
            awaitUntil(() -> status(api, second).equals("cooking"));
            assertThat(status(api, first)).isEqualTo("pending");
            assertThat(status(api, pastry)).as("another station's order").isEqualTo("pending");

            cable.send("1");
            awaitUntil(() -> status(api, first).equals("cooking"));
            cable.send("R");
            awaitUntil(() -> status(api, first).equals("pending"));
            assertThat(status(api, second)).as("only the last bump is taken back").isEqualTo("cooking");
            awaitUntil(() -> changes(box).size() == 3); // the entries a moment after the rows: once synced
            assertThat(changes(box)).as("each change, signed by the bar")
                    .allMatch(e -> e.payload().contains("\"deviceId\":\"bump-bar:bar\""));
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("the bar's reader stops with the box")
                .noneMatch(thread -> thread.getName().equals("bump-bar-bar") && thread.isAlive());
    }

    @Test
    void theBarIsListedWithTheHardwareOfflineUntilItsPortIsThereAndOnlineOnceItIsOpen() throws Exception {
        Path port = dir.resolve("box-end");
        try (TestBox box = TestBox.start(config -> config.withBumpBars(
                List.of(new BumpBarBinding("grill", new BumpBarBinding.Serial(port.toString(), 9600), "logic-controls-kb1700"))))) {
            Api api = box.api();
            awaitUntil(() -> bar(api).path("online").isBoolean());
            JsonNode unplugged = bar(api);
            assertThat(unplugged.path("online").asBoolean()).isFalse();
            assertThat(unplugged.path("lastError").asText()).startsWith("serial port " + port + ": ");
            assertThat(unplugged.path("kind").asText()).isEqualTo("bump-bar");
            assertThat(unplugged.path("profile").asText()).isEqualTo("logic-controls-kb1700");
            assertThat(unplugged.path("connection").asText()).isEqualTo("serial:" + port + "?baud=9600");

            try (SocatPair cable = SocatPair.start(dir)) {
                awaitUntil(() -> bar(api).path("online").asBoolean());
                assertThat(bar(api).path("lastError").isNull()).isTrue();
            }
        }
    }

    private static JsonNode bar(Api api) {
        JsonNode devices = api.get("/api/v1/devices/hardware").body().path("devices");
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).path("role").asText()).isEqualTo("bump-bar.grill");
        return devices.get(0);
    }

    private static List<LedgerEntry> changes(TestBox box) {
        return box.box().database().durableEntriesAfter(0, 10_000).stream()
                .filter(e -> e.type().startsWith("order.") && !e.type().equals("order.created"))
                .toList();
    }
}
