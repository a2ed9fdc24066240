package backroom.edge.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file in {@code device-profiles/} against the folder's JSON Schema, and as the box reads it. */
class DeviceProfileSchemaTest {

    private static final Path FOLDER = Path.of("..", "device-profiles");
    private static final Schema SCHEMA = schema();

    @Test
    void everyProfileIsValidAgainstTheSchemaAndNamedByItsId() throws IOException {
        List<Path> profiles = profiles();
        assertThat(profiles).hasSizeGreaterThanOrEqualTo(13);
        for (Path file : profiles) {
            JsonNode profile = Json.MAPPER.readTree(file.toFile());
            assertThat(SCHEMA.validate(profile)).as(file.toString()).isEmpty();
            assertThat(profile.path("id").asText() + ".json").as(file.toString()).isEqualTo(file.getFileName().toString());
        }
    }

    @Test
    void theModelsAStoreBuysAreThere() {
        assertThat(profiles().stream().map(file -> file.getFileName().toString().replace(".json", "")))
                .contains("epson-tm-t20iii", "epson-tm-t88vi", "epson-tm-m30iii", "bixolon-srp-350iii", "star-tsp650ii", "generic-58mm",
                        "generic-80mm", "drawer-via-printer", "drawer-gpio-relay", "logic-controls-kb1700", "keyboard-bump-bar",
                        "pd3000-2x20");
    }

    @Test
    void everyProfileLoadsAsItsKindAndItsCodePagesExistInJava() throws IOException {
        for (Path file : profiles()) {
            JsonNode profile = Json.MAPPER.readTree(file.toFile());
            String id = profile.path("id").asText();
            switch (profile.path("kind").asText()) {
                case "printer" -> assertThat(PrinterProfile.load(id).columnsFontA()).isEqualTo(profile.path("columns").path("fontA").asInt());
                case "drawer" -> assertThat(DrawerProfile.load(id).id()).isEqualTo(id);
                case "bump-bar" -> assertThat(BumpBarProfile.load(id).keys()).isNotEmpty();
                case "pole-display" -> assertThat(PoleDisplayProfile.load(id).columns()).isEqualTo(20);
                default -> throw new AssertionError(file + " has no kind the box knows");
            }
            profile.path("codePages").properties().forEach(page -> assertThat(Charset.isSupported(page.getKey())).as(id + " " + page.getKey())
                    .isTrue());
        }
    }

    @Test
    void theSchemaRefusesAPrinterWithoutCodePagesAndAKeyThatDoesNothing() throws IOException {
        ObjectNode printer = (ObjectNode) Json.MAPPER.readTree(FOLDER.resolve("generic-80mm.json").toFile());
        printer.remove("codePages");
        ObjectNode bar = (ObjectNode) Json.MAPPER.readTree(FOLDER.resolve("logic-controls-kb1700.json").toFile());
        ((ObjectNode) bar.path("keys")).put("5", "jump 5");
        ObjectNode drawer = (ObjectNode) Json.MAPPER.readTree(FOLDER.resolve("drawer-via-printer.json").toFile());
        drawer.remove("pins");

        assertThat(SCHEMA.validate(printer)).extracting(Object::toString).anyMatch(error -> error.contains("codePages"));
        assertThat(SCHEMA.validate(bar)).extracting(Object::toString).anyMatch(error -> error.contains("keys"));
        assertThat(SCHEMA.validate(drawer)).extracting(Object::toString).anyMatch(error -> error.contains("pins"));
    }

    @Test
    void theCodePageNumberIsTheOneTheModelSelectsItWith() {
        PrinterProfile epson = PrinterProfile.load("epson-tm-t20iii");
        PrinterProfile clone = PrinterProfile.load("generic-58mm");

        assertThat(epson.codePage()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(epson.codePageNumber()).isEqualTo(16);
        assertThat(epson.cut()).isEqualTo(PrinterProfile.Cut.PARTIAL);
        assertThat(epson.serial().flowControl()).isEqualTo(SerialSettings.FlowControl.RTS_CTS);
        assertThat(epson.serial().baud()).isEqualTo(38400);
        assertThat(clone.codePage()).isEqualTo(Charset.forName("IBM437"));
        assertThat(clone.codePageNumber()).isZero();
        assertThat(clone.cut()).isEqualTo(PrinterProfile.Cut.NONE);
        assertThat(clone.statusReadBack()).isFalse();
        assertThat(clone.columnsFontA()).isEqualTo(32);
    }

    @Test
    void aDrawerIsKickedOnBothPinsThroughThePrinterOrPulsedOnAGpioRelay() {
        DrawerProfile viaPrinter = DrawerProfile.load("drawer-via-printer");
        DrawerProfile relay = DrawerProfile.load("drawer-gpio-relay");

        assertThat(viaPrinter.drive()).isEqualTo(DrawerProfile.Drive.PRINTER);
        assertThat(viaPrinter.pins()).containsExactly(2, 5);
        assertThat(viaPrinter.onMs()).isEqualTo(100);
        assertThat(viaPrinter.offMs()).isEqualTo(500);
        assertThat(relay.drive()).isEqualTo(DrawerProfile.Drive.GPIO);
        assertThat(relay.openSensor()).isEqualTo(DrawerProfile.Sensor.GPIO);
        assertThat(relay.pulseMs()).isEqualTo(100);
    }

    private static List<Path> profiles() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(file -> file.toString().endsWith(".json") && !file.endsWith("schema.json")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Schema schema() {
        try (var in = Files.newInputStream(FOLDER.resolve("schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
