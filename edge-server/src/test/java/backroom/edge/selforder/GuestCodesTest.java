package backroom.edge.selforder;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.access.BoxKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codes guests hold: a table's code by table and version, a session that ends at its expiry and cannot be altered or forged. */
class GuestCodesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00.250Z");

    @TempDir
    Path dataDir;
    private GuestCodes codes;

    @BeforeEach
    void aBoxKey() throws IOException {
        byte[] secret = new byte[32];
        new Random(7).nextBytes(secret);
        Files.writeString(dataDir.resolve(BoxKey.FILE_NAME), Base64.getEncoder().encodeToString(secret));
        codes = new GuestCodes(BoxKey.read(dataDir), new Random(11));
    }

    @Test
    void aTablesCodeIsItsTablesAndVersionsOnly() {
        String code = codes.tableCode("t5", 1);
        assertThat(code).matches("[0-9a-f]{32}");
        assertThat(codes.isTableCode("t5", 1, code)).isTrue();
        assertThat(codes.isTableCode("t5", 2, code)).as("a new version").isFalse();
        assertThat(codes.isTableCode("t6", 1, code)).as("another table").isFalse();
        assertThat(codes.isTableCode("t5", 1, null)).isFalse();
        assertThat(codes.tableCode("t6", 1)).isNotEqualTo(code);
    }

    @Test
    void aSessionReadsBackUntilItsExpiry() {
        GuestCodes.Session opened = codes.open("t/5 é", 3, NOW);
        assertThat(opened.expiresAt()).isEqualTo(Instant.parse("2026-12-06T13:00:00Z"));
        GuestCodes.Session read = codes.read(opened.token(), NOW).orElseThrow();
        assertThat(read).isEqualTo(opened);
        assertThat(codes.read(opened.token(), opened.expiresAt().minusMillis(1))).isPresent();
        assertThat(codes.read(opened.token(), opened.expiresAt())).as("ended").isEmpty();
        assertThat(codes.open("t5", 1, NOW).token()).as("each session its own").isNotEqualTo(codes.open("t5", 1, NOW).token());
    }

    @Test
    void anAlteredOrForgedSessionReadsAsNone() {
        String token = codes.open("t5", 1, NOW).token();
        String[] parts = token.split("\\.");
        String longer = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + Duration.ofDays(1).toSeconds()) + "." + parts[3] + "."
                + parts[4];
        assertThat(codes.read(longer, NOW)).as("a later expiry").isEmpty();
        String otherTable = "dDY." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4];
        assertThat(codes.read(otherTable, NOW)).as("another table").isEmpty();
        assertThat(codes.read(token + ".x", NOW)).isEmpty();
        assertThat(codes.read(token.substring(0, token.lastIndexOf('.')), NOW)).isEmpty();
        assertThat(codes.read("no-dots-at-all", NOW)).isEmpty();
        assertThat(codes.read(null, NOW)).isEmpty();
        assertThat(codes.read("", NOW)).isEmpty();
    }
}
