package backroom.edge.relay;

import static backroom.edge.relay.RelayTest.awaitUntil;
import static backroom.edge.relay.RelayTest.relay;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.ChildBox;
import backroom.edge.testing.ChildBox.CommandRun;
import backroom.edge.testing.TestBox;
import backroom.relay.testing.Mosquitto;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backroom hq push-config} and {@code backroom hq cmd}, run as an HQ engineer would, reach a relaying box. */
class HqDownCommandsTest {

    @TempDir
    Path dir;
    private Mosquitto broker;
    private TestBox box;
    private Path stores;

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(dir);
        stores = Files.writeString(dir.resolve("stores.txt"), "kopi/s1 " + Hq.SECRET + "\n");
        box = TestBox.start(config -> config.withRelay(Hq.onH2(dir, broker.url()).uplink()));
    }

    @AfterEach
    void stopAll() {
        box.close();
        broker.close();
    }

    @Test
    void pushConfigPublishesASignedConfigTheBoxApplies() throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), """
                {"version": 12,
                 "catalog": {"products": [{"id": "es-teh", "name": "Es Teh", "price": 9000}]},
                 "settings": {"storeName": "Kopi Pusat"}}""");

        CommandRun run = hq("push-config", "--store", "kopi/s1", "--file", config.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("config version 12 for kopi/s1 published");
        awaitUntil(() -> relay(box.api()).number("configVersion") == 12);
        JsonNode catalog = box.api().get("/api/v1/catalog").body();
        assertThat(catalog.path("settings").path("storeName").asText()).isEqualTo("Kopi Pusat");
        assertThat(catalog.path("products").findValuesAsText("id")).contains("es-teh");
    }

    @Test
    void cmdAddsToTheRetainedCommandsAndTheBoxDoesEachOnce() throws Exception {
        String tablet = box.pairDevice("terminal");
        JsonNode devices = box.api().get("/api/v1/devices").body().path("items");
        String deviceId = devices.get(devices.size() - 1).path("deviceId").asText();

        CommandRun first = hq("cmd", "--store", "kopi/s1", "revoke-device", "--device", deviceId);
        CommandRun second = hq("cmd", "--store", "kopi/s1", "resend", "--from", "1");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.output()).contains("2 commands retained");
        awaitUntil(() -> box.api().as(tablet).get("/api/v1/catalog").status() == 401);
    }

    @Test
    void rotateSecretPrintsTheNewSecretOnceForTheStoresFileAndTheBoxSignsWithIt() throws Exception {
        CommandRun run = hq("cmd", "--store", "kopi/s1", "rotate-secret");

        assertThat(run.exitCode()).as(run.output()).isZero();
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("kopi/s1 (\\S{43}) " + Hq.SECRET).matcher(run.output());
        assertThat(line.find()).as(run.output()).isTrue();
        String newSecret = line.group(1);
        awaitUntil(() -> storedSecret().equals(newSecret));
    }

    private String storedSecret() {
        return box.box().database().jdbi().withHandle(handle -> handle.createQuery("SELECT COALESCE(store_secret, '') FROM relay_state")
                .mapTo(String.class).one());
    }

    @Test
    void aStoreNotInTheStoresFileOrAnUnknownCommandIsRefused() {
        CommandRun unknownStore = hq("cmd", "--store", "kopi/s9", "resend", "--from", "1");
        CommandRun unknownType = hq("cmd", "--store", "kopi/s1", "reboot");

        assertThat(unknownStore.exitCode()).isEqualTo(2);
        assertThat(unknownStore.output()).contains("kopi/s9 is not in the stores file");
        assertThat(unknownType.exitCode()).isEqualTo(2);
        assertThat(unknownType.output()).contains("resend, revoke-device or rotate-secret");
    }

    private CommandRun hq(String... args) {
        String[] line = new String[args.length + 5];
        line[0] = "hq";
        System.arraycopy(args, 0, line, 1, 1);
        line[2] = "--broker";
        line[3] = broker.url();
        line[4] = "--stores";
        line[5] = stores.toString();
        System.arraycopy(args, 1, line, 6, args.length - 1);
        return ChildBox.command(line);
    }
}
