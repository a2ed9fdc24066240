package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.ChildBox;
import backroom.edge.testing.ChildBox.CommandRun;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SignIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newcomer's way in, through the real command line. */
class FirstStartTest {

    private static final Pattern PAIRING_CODE = Pattern.compile("Pairing code: ([0-9]{6})");

    @TempDir
    Path data;

    @Test
    void aNewBoxRunAsAServiceLeavesItsPinAndPairingCodeInAnOwnerOnlyFileNotInItsLogOnceOnly() throws Exception {
        Path notice = data.resolve(ChildBox.FIRST_START_FILE);
        try (ChildBox first = ChildBox.start(data)) {
            assertThat(first.output()).contains(notice.toAbsolutePath().toString())
                    .doesNotContain("Technician PIN").doesNotContain("Pairing code");
            assertThat(Files.readString(notice)).contains("Technician PIN: " + SignIn.TECHNICIAN_PIN + "\n")
                    .containsPattern("Pairing code: [0-9]{6}\n");
            assertThat(Files.getPosixFilePermissions(notice)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(first.api().get("/api/v1/staff").body().path("items").findValuesAsText("role")).containsExactly("technician");
            first.stop();
        }
        Files.delete(notice);
        try (ChildBox second = ChildBox.start(data)) {
            assertThat(second.output()).doesNotContain("Technician PIN").doesNotContain("Pairing code").doesNotContain(ChildBox.FIRST_START_FILE);
            assertThat(notice).doesNotExist();
            assertThat(second.api().get("/api/v1/sales").status()).as("the first start's session goes on").isEqualTo(200);
        }
    }

    @Test
    void thePairingCodeCommandOnTheBoxPairsADeviceWithTheRunningBox() {
        try (ChildBox box = ChildBox.start(data)) {
            CommandRun run = ChildBox.command("pairing-code", "--data", data.toString(), "--kind", "kds", "--name", "Grill screen");

            assertThat(run.exitCode()).as(run.output()).isZero();
            Matcher code = PAIRING_CODE.matcher(run.output());
            assertThat(code.find()).as(run.output()).isTrue();
            Reply paired = box.api().anonymous().post("/api/v1/devices/pair", Map.of("code", code.group(1)));
            assertThat(paired.status()).isEqualTo(201);
            assertThat(paired.field("name")).isEqualTo("Grill screen");
            assertThat(paired.field("kind")).isEqualTo("kds");
            assertThat(box.api().anonymous().post("/api/v1/devices/pair", Map.of("code", code.group(1))).status()).isEqualTo(422);
            assertThat(data.resolve("pairing-codes")).isEmptyDirectory();
        }
    }

    @Test
    void thePairingCodeCommandRefusesAFolderNoBoxHasUsed() {
        CommandRun run = ChildBox.command("pairing-code", "--data", data.resolve("nothing-here").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("No box has started").doesNotContain("Pairing code:");
    }
}
