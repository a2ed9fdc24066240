package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.Sha256;
import backroom.edge.testing.Api;
import backroom.edge.testing.Burst;
import backroom.edge.testing.KeyedHashes;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SignIn;
import backroom.edge.testing.TestBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PairingTest {

    private TestBox box;
    private Api technician;

    @BeforeEach
    void start() {
        box = TestBox.start();
        technician = box.api();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aPairingCodeIsSixDigitsLivesTenMinutesAndPairsOneDeviceWithATokenKeptOnlyAsAHash() {
        Reply made = technician.post("/api/v1/devices/pairing-codes", Map.of("name", "Tablet 2", "kind", "terminal"));
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.field("code")).matches("[0-9]{6}");
        Duration life = Duration.between(box.clock().instant(), Instant.parse(made.field("expiresAt")));
        assertThat(life).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));

        Reply paired = box.anonymous().post("/api/v1/devices/pair", Map.of("code", made.field("code")));
        Reply again = box.anonymous().post("/api/v1/devices/pair", Map.of("code", made.field("code")));

        assertThat(paired.status()).isEqualTo(201);
        assertThat(paired.field("name")).isEqualTo("Tablet 2");
        assertThat(paired.field("kind")).isEqualTo("terminal");
        String token = paired.field("token");
        assertThat(token).startsWith("bd_").hasSize(3 + 43);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.problemFields()).containsExactly("code");
        try (Handle handle = box.box().database().jdbi().open()) {
            assertThat(handle.createQuery("SELECT token_hash FROM devices WHERE id = :id").bind("id", paired.field("deviceId"))
                    .mapTo(String.class).one()).isEqualTo(Sha256.hex(token));
            String everything = handle.createQuery("SELECT payload FROM ledger").mapTo(String.class).list() + " "
                    + handle.createQuery("SELECT code_hash FROM pairing_codes").mapTo(String.class).list();
            assertThat(everything).doesNotContain(token).doesNotContain(made.field("code"));
        }
    }

    @Test
    void aCodeOlderThanTenMinutesPairsNothing() {
        String code = technician.post("/api/v1/devices/pairing-codes", Map.of("name", "Late", "kind", "kds")).field("code");
        box.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        long head = box.headSeq();

        Reply late = box.anonymous().post("/api/v1/devices/pair", Map.of("code", code));

        assertThat(late.status()).isEqualTo(422);
        assertThat(box.headSeq()).as("the wrong code is counted, nothing else").isEqualTo(head + 1);
        assertThat(typesAfter(head)).containsExactly("pairing.code_refused");
    }

    @Test
    void twentyWrongCodesStopPairingForEveryoneUntilTheyAgeOut() {
        String code = technician.post("/api/v1/devices/pairing-codes", Map.of("name", "Tablet", "kind", "terminal")).field("code");
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 20; i++) {
            assertThat(box.anonymous().post("/api/v1/devices/pair", Map.of("code", wrong)).status()).isEqualTo(422);
        }

        Reply refused = box.anonymous().post("/api/v1/devices/pair", Map.of("code", code));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemFields()).containsExactly("code");

        box.clock().advance(Duration.ofMinutes(9));
        String fresh = technician.post("/api/v1/devices/pairing-codes", Map.of("name", "Tablet", "kind", "terminal")).field("code");
        box.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(box.anonymous().post("/api/v1/devices/pair", Map.of("code", fresh)).status()).isEqualTo(201);
    }

    @Test
    void aBurstOfAThousandWrongCodesGetsTwentyCheckedAndARestartForgetsNone() {
        String code = technician.post("/api/v1/devices/pairing-codes", Map.of("name", "Tablet", "kind", "terminal")).field("code");
        String wrong = code.equals("000000") ? "000001" : "000000";
        long head = box.headSeq();
        Api anyone = box.anonymous();

        List<Reply> burst = Burst.of(1_000, 200, () -> anyone.post("/api/v1/devices/pair", Map.of("code", wrong)));

        assertThat(burst).filteredOn(reply -> reply.status() == 422).hasSize(PairingFailures.MAX_WRONG);
        assertThat(burst).filteredOn(reply -> reply.status() == 429).hasSize(1_000 - PairingFailures.MAX_WRONG);
        assertThat(typesAfter(head)).hasSize(PairingFailures.MAX_WRONG).containsOnly("pairing.code_refused");

        box.stop();
        box = TestBox.restart(box);
        assertThat(box.anonymous().post("/api/v1/devices/pair", Map.of("code", code)).status()).as("after a restart").isEqualTo(429);
        box.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        String fresh = box.api().post("/api/v1/devices/pairing-codes", Map.of("name", "Tablet", "kind", "terminal")).field("code");
        assertThat(box.anonymous().post("/api/v1/devices/pair", Map.of("code", fresh)).status()).isEqualTo(201);
    }

    @Test
    void aPairingCodeIsKeptAsAnHmacUnderTheBoxKeyNotAPlainHash() {
        String code = technician.post("/api/v1/devices/pairing-codes", Map.of("name", "Tablet", "kind", "terminal")).field("code");

        try (Handle handle = box.box().database().jdbi().open()) {
            String stored = handle.createQuery("SELECT code_hash FROM pairing_codes ORDER BY id DESC LIMIT 1").mapTo(String.class).one();
            assertThat(stored).isEqualTo(KeyedHashes.hmacHex(box.dataDir(), "pairing-code", code)).isNotEqualTo(Sha256.hex(code));
        }
    }

    private List<String> typesAfter(long seq) {
        try (Handle handle = box.box().database().jdbi().open()) {
            return handle.createQuery("SELECT type FROM ledger WHERE seq > :seq ORDER BY seq").bind("seq", seq).mapTo(String.class).list();
        }
    }

    @Test
    void badPairingRequestsNameTheFieldAndWriteNothing() {
        long head = box.headSeq();
        assertThat(technician.post("/api/v1/devices/pairing-codes", Map.of("name", "", "kind", "toaster")).problemFields())
                .containsExactly("name", "kind");
        assertThat(box.anonymous().post("/api/v1/devices/pair", Map.of("code", "12345")).problemFields()).containsExactly("code");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aRevokedDeviceIsRefusedAtOnceWithEverySessionOnIt() {
        String deviceToken = box.pairDevice("terminal");
        box.addStaff("Ana", "cashier", "4321");
        String anaSession = SignIn.session(box.port(), deviceToken, "4321");
        Api ana = technician.as(anaSession);
        Api device = technician.as(deviceToken);
        assertThat(ana.get("/api/v1/sales").status()).isEqualTo(200);
        String deviceId = deviceIdOf(deviceToken);

        Reply revoked = technician.delete("/api/v1/devices/" + deviceId);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.field("revokedAt")).isNotEmpty();
        assertThat(ana.get("/api/v1/sales").status()).isEqualTo(401);
        assertThat(device.get("/api/v1/catalog").status()).isEqualTo(401);
        assertThat(device.post("/api/v1/sessions", Map.of("pin", "4321")).status()).isEqualTo(401);
        assertThat(technician.delete("/api/v1/devices/" + deviceId).status()).isEqualTo(409);

        box.stop();
        box = TestBox.restart(box);
        assertThat(box.api().as(anaSession).get("/api/v1/catalog").status()).isEqualTo(401);
        assertThat(box.api().as(deviceToken).get("/api/v1/catalog").status()).isEqualTo(401);
    }

    @Test
    void revokingOneDeviceLeavesTheOtherDevicesAndTheirSessionsWorkingAlsoAfterARestart() {
        String tillOne = box.pairDevice("terminal");
        String tillTwo = box.pairDevice("terminal");
        String kds = box.pairDevice("kds");
        box.addStaff("Ana", "cashier", "4321");
        String anaOnOne = SignIn.session(box.port(), tillOne, "4321");
        String anaOnTwo = SignIn.session(box.port(), tillTwo, "4321");
        String kitchenOnKds = SignIn.session(box.port(), kds, SignIn.TECHNICIAN_PIN);

        String revokedId = deviceIdOf(tillOne);
        assertThat(technician.delete("/api/v1/devices/" + revokedId).status()).isEqualTo(200);

        assertOnlyRevoked(tillOne, anaOnOne, List.of(tillTwo, kds), List.of(anaOnTwo, kitchenOnKds));
        List<String> listedRevoked = new ArrayList<>();
        technician.get("/api/v1/devices").body().path("items").forEach(device -> {
            if (!device.path("revokedAt").isNull()) {
                listedRevoked.add(device.path("deviceId").asText());
            }
        });
        assertThat(listedRevoked).containsExactly(revokedId);
        box.stop();
        box = TestBox.restart(box);
        assertOnlyRevoked(tillOne, anaOnOne, List.of(tillTwo, kds), List.of(anaOnTwo, kitchenOnKds));
    }

    private void assertOnlyRevoked(String device, String session, List<String> otherDevices, List<String> otherSessions) {
        Api api = box.api();
        assertThat(api.as(device).get("/api/v1/catalog").status()).isEqualTo(401);
        assertThat(api.as(session).get("/api/v1/catalog").status()).isEqualTo(401);
        for (String other : otherDevices) {
            assertThat(api.as(other).get("/api/v1/catalog").status()).as("another device").isEqualTo(200);
        }
        for (String other : otherSessions) {
            assertThat(api.as(other).get("/api/v1/catalog").status()).as("a session on another device").isEqualTo(200);
        }
        assertThat(api.get("/api/v1/catalog").status()).as("the technician's own session").isEqualTo(200);
    }

    @Test
    void theTechnicianListsDevicesWithoutTheirTokens() {
        box.pairDevice("kds");

        Reply list = technician.get("/api/v1/devices");

        assertThat(list.status()).isEqualTo(200);
        List<String> kinds = list.body().path("items").findValuesAsText("kind");
        assertThat(kinds).containsExactly("terminal", "kds");
        assertThat(list.text()).doesNotContain("token");
    }

    @Test
    void aCodeSpooledByTheCommandLinePairsOnceAndItsFileIsTaken() {
        BoxKey key = BoxKey.read(box.dataDir());
        PairingCodeSpool spool = new PairingCodeSpool(box.dataDir());
        spool.put(Pairing.newCode(key, "314159", "Grill screen", DeviceKind.KDS, box.clock().instant()));
        spool.put(Pairing.newCode(key, "271828", "Stale", DeviceKind.KDS, box.clock().instant().minus(Duration.ofMinutes(11))));

        Reply paired = box.anonymous().post("/api/v1/devices/pair", Map.of("code", "314159"));

        assertThat(paired.status()).isEqualTo(201);
        assertThat(paired.field("name")).isEqualTo("Grill screen");
        assertThat(paired.field("kind")).isEqualTo("kds");
        assertThat(box.dataDir().resolve("pairing-codes")).as("both files taken, the stale one unrecorded").isEmptyDirectory();
        assertThat(box.anonymous().post("/api/v1/devices/pair", Map.of("code", "314159")).status()).isEqualTo(422);
        assertThat(box.anonymous().post("/api/v1/devices/pair", Map.of("code", "271828")).status()).as("expired in its file").isEqualTo(422);
    }

    @Test
    void aSpoolFileStillBeingWrittenIsNotTaken() throws Exception {
        PairingCodeSpool spool = new PairingCodeSpool(box.dataDir());
        spool.put(Pairing.newCode(BoxKey.read(box.dataDir()), "161803", "Done", DeviceKind.KDS, box.clock().instant()));
        Path folder = box.dataDir().resolve("pairing-codes");
        try (var files = Files.list(folder)) {
            Files.move(files.findFirst().orElseThrow(), folder.resolve("half-written.tmp"));
        }

        assertThat(box.anonymous().post("/api/v1/devices/pair", Map.of("code", "161803")).status()).isEqualTo(422);
        assertThat(folder.resolve("half-written.tmp")).as("left for the command that is writing it").exists();
    }

    @Test
    void aSpooledCodeWithTheDigitsOfALiveCodeIsPassedOver() {
        String code = technician.post("/api/v1/devices/pairing-codes", Map.of("name", "Made on the API", "kind", "terminal")).field("code");
        new PairingCodeSpool(box.dataDir()).put(Pairing.newCode(BoxKey.read(box.dataDir()), code, "Spooled", DeviceKind.KDS,
                box.clock().instant()));

        Reply first = box.anonymous().post("/api/v1/devices/pair", Map.of("code", code));
        Reply second = box.anonymous().post("/api/v1/devices/pair", Map.of("code", code));

        assertThat(first.field("name")).isEqualTo("Made on the API");
        assertThat(second.status()).as("the spooled twin was never recorded").isEqualTo(422);
    }

    @Test
    void eachWrongCodeEntryCountsTheWrongCodesInTheLastTenMinutes() {
        long head = box.headSeq();
        for (int i = 0; i < 3; i++) {
            box.anonymous().post("/api/v1/devices/pair", Map.of("code", "12345" + i));
        }
        box.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        box.anonymous().post("/api/v1/devices/pair", Map.of("code", "123459"));

        try (Handle handle = box.box().database().jdbi().open()) {
            assertThat(handle.createQuery("SELECT payload FROM ledger WHERE seq > :seq AND type = 'pairing.code_refused' ORDER BY seq")
                    .bind("seq", head).mapTo(String.class).list())
                    .containsExactly("{\"wrongInTenMinutes\":1}", "{\"wrongInTenMinutes\":2}", "{\"wrongInTenMinutes\":3}",
                            "{\"wrongInTenMinutes\":1}");
        }
    }

    @Test
    void revokingAnUnknownDeviceIsNotFound() {
        Reply revoked = technician.delete("/api/v1/devices/00000000-0000-7000-8000-000000000000");

        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aDeviceNameIsAtMost200Characters() {
        assertThat(technician.post("/api/v1/devices/pairing-codes", Map.of("name", "n".repeat(200), "kind", "kds")).status())
                .isEqualTo(201);
        Reply tooLong = technician.post("/api/v1/devices/pairing-codes", Map.of("name", "n".repeat(201), "kind", "kds"));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.problemFields()).containsExactly("name");
    }

    private String deviceIdOf(String deviceToken) {
        try (Handle handle = box.box().database().jdbi().open()) {
            return handle.createQuery("SELECT id FROM devices WHERE token_hash = :hash").bind("hash", Sha256.hex(deviceToken))
                    .mapTo(String.class).one();
        }
    }
}
