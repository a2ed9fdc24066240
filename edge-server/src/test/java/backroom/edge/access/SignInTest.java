package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Burst;
import backroom.edge.testing.KeyedHashes;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TestBox;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInTest {

    private TestBox box;
    private String budi;
    private Api terminal;

    @BeforeEach
    void start() {
        box = TestBox.start();
        budi = box.addStaff("Budi", "cashier", "2580");
        terminal = box.newDevice("terminal");
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aPinOnAPairedDeviceOpensASessionThatEndsAfterTwelveHours() {
        Reply signedIn = terminal.post("/api/v1/sessions", Map.of("pin", "2580"));

        assertThat(signedIn.status()).isEqualTo(201);
        assertThat(signedIn.field("name")).isEqualTo("Budi");
        assertThat(signedIn.field("role")).isEqualTo("cashier");
        assertThat(signedIn.field("sessionToken")).startsWith("bs_").hasSize(3 + 43);
        assertThat(Duration.between(box.clock().instant(), Instant.parse(signedIn.field("expiresAt"))))
                .isBetween(Duration.ofHours(12).minusMinutes(1), Duration.ofHours(12));
        Api budi = terminal.as(signedIn.field("sessionToken"));
        assertThat(budi.get("/api/v1/sales").status()).isEqualTo(200);

        box.clock().advance(Duration.ofHours(12));

        Reply expired = budi.get("/api/v1/sales");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.contentType()).isEqualTo("application/problem+json");
        assertThat(expired.problemFields()).containsExactly("Authorization");
    }

    @Test
    void signingOutEndsThatSessionAloneNotTheMembersOtherSessionsNorOtherStaffsAlsoAfterARestart() {
        box.addStaff("Citra", "cashier", "2581");
        Api otherTerminal = box.newDevice("terminal");
        String budiHere = terminal.post("/api/v1/sessions", Map.of("pin", "2580")).field("sessionToken");
        String budiThere = otherTerminal.post("/api/v1/sessions", Map.of("pin", "2580")).field("sessionToken");
        String citraHere = terminal.post("/api/v1/sessions", Map.of("pin", "2581")).field("sessionToken");

        Reply signedOut = terminal.as(budiHere).delete("/api/v1/sessions/current");

        assertThat(signedOut.status()).isEqualTo(200);
        assertThat(signedOut.body().path("signedOut").asBoolean()).isTrue();
        assertThat(signedOut.field("staffId")).isEqualTo(budi);
        assertOnlySignedOut(budiHere, budiThere, citraHere);
        assertThat(terminal.delete("/api/v1/sessions/current").status()).as("a device alone has no session to end").isEqualTo(403);
        box.stop();
        box = TestBox.restart(box);
        assertOnlySignedOut(budiHere, budiThere, citraHere);
    }

    private void assertOnlySignedOut(String budiHere, String budiThere, String citraHere) {
        Api api = box.api();
        assertThat(api.as(budiHere).get("/api/v1/sales").status()).isEqualTo(401);
        assertThat(api.as(budiThere).get("/api/v1/sales").status()).as("the same member on another terminal").isEqualTo(200);
        assertThat(api.as(citraHere).get("/api/v1/sales").status()).as("another member on the same terminal").isEqualTo(200);
        assertThat(api.as(terminal.token()).get("/api/v1/catalog").status()).as("the terminal").isEqualTo(200);
    }

    @Test
    void eachWrongPinAfterTheFifthDoublesTheLockUpToAnHourAndNoLonger() {
        for (int wrong = 1; wrong <= 4; wrong++) {
            assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "0000")).status()).isEqualTo(401);
        }
        // The lock each wrong PIN from the fifth to the fourteenth sets: 30 s doubled each time,
        // cut to an hour from the twelfth on (30 s x 2^7 = 3840 s).
        long[] lockSeconds = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600};
        for (int i = 0; i < lockSeconds.length; i++) {
            Instant before = box.clock().instant().truncatedTo(ChronoUnit.MILLIS);
            Reply locked = terminal.post("/api/v1/sessions", Map.of("pin", "0000"));
            Instant after = box.clock().instant();

            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.problemFields()).containsExactly("pin");
            Lockout lockout = lockout();
            assertThat(lockout.failures()).isEqualTo(5 + i);
            assertThat(lockout.lockedUntil().minusSeconds(lockSeconds[i])).as("wrong PIN %d", 5 + i).isBetween(before, after);
            box.clock().advance(Duration.ofSeconds(lockSeconds[i] - 10));
            assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).as("ten seconds early").isEqualTo(429);
            box.clock().advance(Duration.ofSeconds(10));
        }
        assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).isEqualTo(201);
        assertThat(lockout().failures()).as("a right PIN clears the count").isZero();
    }

    /** The lockout row of the one device that got wrong PINs. */
    private Lockout lockout() {
        try (Handle handle = box.box().database().jdbi().open()) {
            return handle.createQuery("SELECT failures, locked_until FROM pin_lockouts")
                    .map((rs, ctx) -> new Lockout(rs.getInt("failures"), rs.getObject("locked_until", OffsetDateTime.class).toInstant()))
                    .findOne()
                    .orElse(new Lockout(0, null));
        }
    }

    private record Lockout(int failures, Instant lockedUntil) {
    }

    @Test
    void fiveWrongPinsLockSignInOnTheDeviceForAGrowingPeriodThatSurvivesARestart() {
        for (int wrong = 1; wrong <= 4; wrong++) {
            Reply refused = terminal.post("/api/v1/sessions", Map.of("pin", "0000"));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.problemFields()).containsExactly("pin");
            assertThat(refused.field("detail")).isEqualTo("pin: wrong PIN; " + (5 - wrong) + " more wrong PINs lock sign-in on this device");
        }
        Reply fifth = terminal.post("/api/v1/sessions", Map.of("pin", "0000"));
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.problemFields()).containsExactly("pin");
        assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).as("even the right PIN").isEqualTo(429);
        assertThat(box.newDevice("terminal").post("/api/v1/sessions", Map.of("pin", "2580")).status())
                .as("another device").isEqualTo(201);

        String deviceToken = terminal.token();
        box.stop();
        box = TestBox.restart(box);
        Api sameTerminal = box.api().as(deviceToken);
        assertThat(sameTerminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).isEqualTo(429);

        box.clock().advance(Duration.ofSeconds(31));
        assertThat(sameTerminal.post("/api/v1/sessions", Map.of("pin", "0000")).status()).as("sixth wrong PIN").isEqualTo(429);
        box.clock().advance(Duration.ofSeconds(31));
        assertThat(sameTerminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).as("the lock doubled").isEqualTo(429);
        box.clock().advance(Duration.ofSeconds(30));
        assertThat(sameTerminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).isEqualTo(201);
        assertThat(sameTerminal.post("/api/v1/sessions", Map.of("pin", "0000")).status()).as("the count starts again").isEqualTo(401);
    }

    @Test
    void pinsAreStoredAsSaltedPbkdf2HashesKeyedWithTheBoxKeyAndNeverInTheLedger() {
        box.addStaff("Citra", "cashier", "2581");
        try (Handle handle = box.box().database().jdbi().open()) {
            var hashes = handle.createQuery("SELECT pin_hash FROM staff WHERE name IN ('Budi', 'Citra') ORDER BY name")
                    .mapTo(String.class).list();
            assertThat(hashes).hasSize(2).allSatisfy(hash -> assertThat(hash).startsWith("pbkdf2-sha256-keyed:40000:"));
            assertThat(hashes.get(0).split(":")[2]).as("salts differ").isNotEqualTo(hashes.get(1).split(":")[2]);
            String[] budi = hashes.get(0).split(":");
            byte[] salt = Base64.getDecoder().decode(budi[2]);
            assertThat(KeyedHashes.pbkdf2Base64("2580", salt, 40_000)).as("the PIN alone does not give the hash").isNotEqualTo(budi[3]);
            assertThat(KeyedHashes.pbkdf2Base64(KeyedHashes.hmacHex(box.dataDir(), "pin", "2580"), salt, 40_000))
                    .as("the PIN keyed with box.key does").isEqualTo(budi[3]);
            String ledger = String.join("\n", handle.createQuery("SELECT payload FROM ledger").mapTo(String.class).list());
            // Not as a value of its own (ids are random: one may hold the four digits by chance), nor under a key named pin.
            assertThat(ledger).contains("\"name\":\"Budi\"").doesNotContain("\"2580\"").doesNotContainPattern(":\\s*2580\\b")
                    .doesNotContainIgnoringCase("\"pin\"").doesNotContain(hashes.get(0));
        }
    }

    @Test
    void aPinHashedBeforePinsWereKeyedStillSignsInAndIsThenKeyed() {
        byte[] salt = new byte[16];
        String unkeyed = "pbkdf2-sha256:40000:" + Base64.getEncoder().encodeToString(salt) + ":" + KeyedHashes.pbkdf2Base64("2580", salt, 40_000);
        try (Handle handle = box.box().database().jdbi().open()) {
            handle.createUpdate("UPDATE staff SET pin_hash = :hash WHERE name = 'Budi'").bind("hash", unkeyed).execute();
        }

        assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).isEqualTo(201);

        try (Handle handle = box.box().database().jdbi().open()) {
            assertThat(handle.createQuery("SELECT pin_hash FROM staff WHERE name = 'Budi'").mapTo(String.class).one())
                    .startsWith("pbkdf2-sha256-keyed:40000:");
        }
        assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).isEqualTo(201);
    }

    @Test
    void aBurstOfAThousandWrongPinsGetsFiveCheckedAndLocksTheDevice() {
        long head = box.headSeq();

        List<Reply> burst = Burst.of(1_000, 200, () -> terminal.post("/api/v1/sessions", Map.of("pin", "0000")));

        assertThat(burst).filteredOn(reply -> reply.status() == 401).hasSize(4);
        assertThat(burst).filteredOn(reply -> reply.status() == 429).hasSize(996);
        try (Handle handle = box.box().database().jdbi().open()) {
            assertThat(handle.createQuery("SELECT type FROM ledger WHERE seq > :seq").bind("seq", head).mapTo(String.class).list())
                    .hasSize(5).containsOnly("session.pin_refused");
            assertThat(handle.createQuery("SELECT failures FROM pin_lockouts").mapTo(Integer.class).one()).isEqualTo(5);
        }
        assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).as("even the right PIN").isEqualTo(429);
    }

    @Test
    void aBurstAfterTheLockRunsOutGetsOneMoreTry() {
        for (int wrong = 1; wrong <= 5; wrong++) {
            terminal.post("/api/v1/sessions", Map.of("pin", "0000"));
        }
        box.clock().advance(Duration.ofSeconds(31));
        long head = box.headSeq();

        List<Reply> burst = Burst.of(200, 100, () -> terminal.post("/api/v1/sessions", Map.of("pin", "0000")));

        assertThat(burst).extracting(Reply::status).containsOnly(429);
        try (Handle handle = box.box().database().jdbi().open()) {
            assertThat(handle.createQuery("SELECT type FROM ledger WHERE seq > :seq").bind("seq", head).mapTo(String.class).list())
                    .containsExactly("session.pin_refused");
        }
    }

    @Test
    void aTillThatNamesTheStaffMemberGetsOnlyThatMembersPinChecked() {
        String citra = box.addStaff("Citra", "supervisor", "2582");

        Reply named = terminal.post("/api/v1/sessions", Map.of("pin", "2582", "staffId", citra));
        Reply someoneElse = terminal.post("/api/v1/sessions", Map.of("pin", "2582", "staffId", budi));

        assertThat(named.status()).isEqualTo(201);
        assertThat(named.field("staffId")).isEqualTo(citra);
        assertThat(named.field("role")).isEqualTo("supervisor");
        assertThat(someoneElse.status()).as("Citra's PIN is wrong for Budi").isEqualTo(401);
        assertThat(someoneElse.problemFields()).containsExactly("pin");
        Reply malformed = terminal.post("/api/v1/sessions", Map.of("pin", "2582", "staffId", " "));
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.problemFields()).containsExactly("staffId");
    }

    @Test
    void aSecondStaffMemberCannotTakeAPinAlreadyInUse() {
        Reply refused = box.api().post("/api/v1/staff", Map.of("name", "Dewi", "role", "cashier", "pin", "2580"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemFields()).containsExactly("pin");
    }

    @Test
    void aSignInNeedsAPairedDeviceAndAWellFormedPin() {
        long head = box.headSeq();
        assertThat(box.anonymous().post("/api/v1/sessions", Map.of("pin", "2580")).status()).isEqualTo(401);
        for (Map<String, Object> malformed : List.<Map<String, Object>>of(Map.of("pin", "12a4"), Map.of("pin", "123"),
                Map.of("pin", "123456789"), Map.of())) {
            Reply refused = terminal.post("/api/v1/sessions", malformed);
            assertThat(refused.status()).as(malformed.toString()).isEqualTo(422);
            assertThat(refused.problemFields()).containsExactly("pin");
        }
        assertThat(box.headSeq()).as("a malformed PIN is no wrong PIN: nothing counted").isEqualTo(head);
    }

    @Test
    void aNamedStaffIdIsAtMost64CharactersAndNotBlank() {
        for (String bad : List.of("s".repeat(65), " ")) {
            Reply refused = terminal.post("/api/v1/sessions", Map.of("pin", "2580", "staffId", bad));
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.problemFields()).containsExactly("staffId");
        }
        assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "2580", "staffId", "s".repeat(64))).status())
                .as("well formed, names nobody").isEqualTo(401);
    }

    @Test
    void aKeyedPinHashIsLeftAsItIsBySignIn() {
        String before = pinHashOf("Budi");

        assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "2580")).status()).isEqualTo(201);

        assertThat(pinHashOf("Budi")).isEqualTo(before);
    }

    private String pinHashOf(String name) {
        try (Handle handle = box.box().database().jdbi().open()) {
            return handle.createQuery("SELECT pin_hash FROM staff WHERE name = :name").bind("name", name).mapTo(String.class).one();
        }
    }
}
