package backroom.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.testing.Api;
import backroom.edge.testing.ChildBox;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code backroom provision} writes the store's configuration file, readable by the box alone;
 * {@code backroom run --config} runs from it with the environment over it; every mistake is
 * refused with its line and key, and a refused change leaves the file as it was.
 */
class ProvisionTest {

    @TempDir
    Path dir;

    @Test
    void provisionWritesAFileOnlyTheBoxMayReadAndTheBoxRunsFromIt() throws Exception {
        Path file = dir.resolve("etc").resolve("backroom.yaml");
        ChildBox.CommandRun provisioned = ChildBox.command("provision", "--config", file.toString(), "--group", "no-such-group",
                "--franchise", "acme", "--store", "s042", "--http-port", "1", "--hardware", "none",
                "--store-name", "Kopi Kita Senayan", "--service-charge-bp", "500", "--rounding-increment", "100",
                "--tax", "ppn=PPN 11%:1100", "--tax", "pb1=PB1 10%:1000:inclusive");
        assertThat(provisioned.exitCode()).as(provisioned.output()).isZero();
        assertThat(provisioned.output()).containsPattern("Give HQ this line for its stores file \\(hq --stores\\): acme/s042 [A-Za-z0-9_-]{43}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String secret = provisioned.output().replaceAll("(?s).*acme/s042 ([A-Za-z0-9_-]{43}).*", "$1");
        assertThat(Files.readString(file)).contains("secret: " + secret);

        Path data = dir.resolve("data");
        try (ChildBox box = ChildBox.startWith(data, Map.of(), "--config", file.toString())) {
            Api api = box.api();
            JsonNode catalog = api.get("/api/v1/catalog").body();
            assertThat(catalog.path("settings").path("storeName").asText()).isEqualTo("Kopi Kita Senayan");
            assertThat(catalog.path("settings").path("serviceChargeBp").asInt()).isEqualTo(500);
            assertThat(catalog.path("settings").path("roundingIncrement").asLong()).isEqualTo(100);
            List<String> taxes = new ArrayList<>();
            catalog.path("taxes").forEach(tax -> taxes.add(tax.path("id").asText() + " " + tax.path("rateBp").asInt() + " "
                    + tax.path("inclusive").asBoolean()));
            assertThat(taxes).contains("ppn 1100 false", "pb1 1000 true");
            assertThat(api.get("/api/v1/devices/hardware").body().path("devices")).as("hardware: none, from the file").isEmpty();
            assertThat(box.port()).as("the environment's port over the file's port 1").isNotEqualTo(1);
        }
    }

    @Test
    void theFileIsHandedToTheBoxsGroupReadOnlyWhereThereIsOne() throws Exception {
        Path file = dir.resolve("backroom.yaml");
        assertThat(provision("--config", file.toString(), "--group", "root", "--http-port", "8080")).isZero();
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
        assertThat(PosixFilePermissions.toString(attributes.permissions())).isEqualTo("rw-r-----");
        assertThat(attributes.group().getName()).isEqualTo("root");
    }

    @Test
    void everyMistakeIsNamedWithItsLineAndKey() {
        String text = """
                http:
                  port: 99999
                relay:
                  uri: tcp://hq:1883
                hardware:
                  kitchen: no-such-printer@tcp:127.0.0.1:9100
                taxes:
                  - id: ppn
                    name: PPN
                    rateBp: 20000
                settings:
                  roundingMode: SIDEWAYS
                colour: blue
                """;
        assertThatThrownBy(() -> ConfigFile.parse(dir.resolve("backroom.yaml"), text))
                .isInstanceOf(ConfigFile.ConfigFileException.class)
                .hasMessageContaining("line 4: unknown key relay.uri (known under relay: url, username, password, ca)")
                .hasMessageContaining("line 13: unknown key colour");
        String wrongValues = text.replace("  uri: tcp://hq:1883", "  url: tcp://hq:1883").replace("colour: blue\n", "");
        assertThatThrownBy(() -> ConfigFile.parse(dir.resolve("backroom.yaml"), wrongValues))
                .hasMessageContaining("has 5 problems")
                .hasMessageContaining("line 2: http.port must be a port number from 0 to 65535, not '99999'")
                .hasMessageContaining("line 4: relay.url is set, so the relay also needs store.franchise, store.id, store.secret")
                .hasMessageContaining("line 6: hardware: 'kitchen=no-such-printer@tcp:127.0.0.1:9100' no device profile no-such-printer")
                .hasMessageContaining("line 10: taxes[0].rateBp must be between 0 and 10000 basis points")
                .hasMessageContaining("line 12: settings.roundingMode must be HALF_UP, DOWN or UP");
    }

    @Test
    void aFileThatIsNotYamlOrNotShapedLikeTheBoxsIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ConfigFile.parse(dir.resolve("b.yaml"), "http:\n  port: [8080\n"))
                .hasMessageContaining("line 3: not YAML");
        assertThatThrownBy(() -> ConfigFile.parse(dir.resolve("b.yaml"), "http: 8080\nhardware: [receipt]\ntaxes: {ppn: 1}\n"))
                .hasMessageContaining("line 1: http must be a map of host, port, maxConnections, idleTimeoutSeconds")
                .hasMessageContaining("line 2: hardware must be a map of role: profile@connection, or none")
                .hasMessageContaining("line 3: taxes must be a list of taxes");
        assertThat(ConfigFile.parse(dir.resolve("b.yaml"), "# nothing provisioned yet\n").variables()).isEmpty();
    }

    @Test
    void aRefusedChangeWritesNothingAndALaterOneKeepsWhatItDoesNotName() throws Exception {
        Path file = dir.resolve("backroom.yaml");
        assertThat(provision("--config", file.toString(), "--group", "no-such-group", "--franchise", "acme", "--store", "s1",
                "--broker", "tcp://127.0.0.1:1883", "--hardware", "receipt=generic-80mm@tcp:127.0.0.1:9100")).isZero();
        String before = Files.readString(file);

        assertThat(provision("--config", file.toString(), "--http-port", "99999")).isEqualTo(2);
        assertThat(provision("--config", file.toString(), "--hardware", "kitchen=generic-80mm@tcp:127.0.0.1:9101?backup=bar"))
                .as("a backup role nobody names").isEqualTo(2);
        assertThat(provision("--config", file.toString(), "--tax", "ppn=PPN")).isEqualTo(2);
        assertThat(Files.readString(file)).isEqualTo(before);
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "http:\n  port: many\n");
        assertThat(provision("--config", broken.toString(), "--store", "s2")).as("a file with a mistake is not built on").isEqualTo(2);
        assertThat(Files.readString(broken)).isEqualTo("http:\n  port: many\n");
        Files.delete(broken);

        assertThat(provision("--config", file.toString(), "--hardware", "kitchen=generic-58mm@tcp:127.0.0.1:9101")).isZero();
        ConfigFile.Contents contents = ConfigFile.read(file);
        assertThat(contents.variables()).containsEntry("BACKROOM_HARDWARE",
                        "receipt=generic-80mm@tcp:127.0.0.1:9100;kitchen=generic-58mm@tcp:127.0.0.1:9101")
                .containsEntry("BACKROOM_FRANCHISE", "acme").containsEntry("BACKROOM_MQTT_URL", "tcp://127.0.0.1:1883");
        assertThat(contents.variables().get("BACKROOM_STORE_SECRET")).as("the secret is made once")
                .isEqualTo(ConfigFile.parse(file, before).variables().get("BACKROOM_STORE_SECRET"));
        assertThat(Files.list(dir)).as("no temporary file left behind").containsExactly(file);
    }

    @Test
    void theNightlyBackupIsSetInTheFileAndItsMistakesNamedThere() {
        ConfigFile.Contents contents = ConfigFile.parse(dir.resolve("b.yaml"), "backup:\n  at: \"02:30\"\n  keep: 14\n");
        assertThat(contents.variables()).containsEntry("BACKROOM_BACKUP_AT", "02:30").containsEntry("BACKROOM_BACKUP_KEEP", "14");
        assertThatThrownBy(() -> ConfigFile.parse(dir.resolve("b.yaml"), "backup:\n  at: \"02:30\"\n  keep: -1\n"))
                .hasMessageContaining("line 3: backup.keep");
    }

    @Test
    void theEnvironmentOverridesTheFile() {
        ConfigFile.Contents contents = ConfigFile.parse(dir.resolve("b.yaml"), "http:\n  port: 8081\n  idleTimeoutSeconds: 30\n");
        assertThat(contents.boxConfig(Map.of("BACKROOM_HTTP_PORT", "9090", "PATH", "/bin")).httpPort()).isEqualTo(9090);
        assertThat(contents.boxConfig(Map.of()).httpPort()).isEqualTo(8081);
        assertThat(contents.boxConfig(Map.of()).idleTimeout().toSeconds()).isEqualTo(30);
    }

    @Test
    void theStoresSettingsAreAppliedOncePerChangeOfTheFile() {
        ConfigFile.Contents first = ConfigFile.parse(dir.resolve("b.yaml"), "settings:\n  serviceChargeBp: 500\n");
        TestBox box = TestBox.start(config -> config.withProvisionedStore(first.store().orElseThrow()));
        assertThat(serviceCharge(box.api())).isEqualTo(500);
        box.stop();
        TestBox again = TestBox.restart(box, config -> config.withProvisionedStore(first.store().orElseThrow()));
        assertThat(serviceCharge(again.api())).isEqualTo(500);
        again.stop();
        ConfigFile.Contents changed = ConfigFile.parse(dir.resolve("b.yaml"), "settings:\n  serviceChargeBp: 750\n");
        TestBox third = TestBox.restart(again, config -> config.withProvisionedStore(changed.store().orElseThrow()));
        assertThat(serviceCharge(third.api())).isEqualTo(750);
        third.stop();
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(third.dataDir()), "sa", "")) {
            List<String> imports = handle.createQuery("SELECT payload FROM ledger WHERE type = 'catalog.imported' ORDER BY seq")
                    .mapTo(String.class).list();
            assertThat(imports).as("the same file again is not applied again").hasSize(2);
            assertThat(imports.get(0)).contains("\"serviceChargeBp\":500");
            assertThat(imports.get(1)).contains("\"serviceChargeBp\":750");
        } finally {
            third.deleteData();
        }
    }

    @Test
    void aTaxIsExclusiveUnlessTheFileSaysInclusive() {
        ConfigFile.Contents contents = ConfigFile.parse(dir.resolve("b.yaml"), "taxes:\n  - {id: ppn, name: PPN 11%, rateBp: 1100}\n");
        assertThat(contents.store().orElseThrow().taxes().get(0).path("inclusive").asBoolean(true)).isFalse();
        assertThatThrownBy(() -> ConfigFile.parse(dir.resolve("b.yaml"), "taxes:\n  - {id: ppn, rateBp: 1100}\n  - 7\n"))
                .hasMessageContaining("line 3: taxes[1] must be a map of id, name, rateBp and inclusive");
        assertThatThrownBy(() -> ConfigFile.parse(dir.resolve("b.yaml"), "taxes:\n  - {id: ppn, rateBp: 1100}\n"))
                .hasMessageContaining("line 2: taxes[0].name is required");
    }

    private static int serviceCharge(Api api) {
        Reply catalog = api.get("/api/v1/catalog");
        return catalog.body().path("settings").path("serviceChargeBp").asInt();
    }

    private static int provision(String... args) {
        return new CommandLine(new ProvisionCommand()).execute(args);
    }
}
