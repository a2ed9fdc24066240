package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltBox;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SignIn;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Staff and devices written again from their entries alone, with no PIN or token hash, and the way
 * into a box rebuilt from them: the first start's technician PIN and pairing code, then PINs set
 * again by the technician and a manager.
 */
class AccessReplayTest {

    private static final List<String> EMPTY_WHEN_REBUILT = List.of("staff_sessions", "pairing_codes", "pairing_failures",
            "pin_lockouts", "box_key");

    @Test
    void staffAndDevicesComeBackWithoutSecretsAndATechnicianGetsInAndSetsPinsAgain() {
        TestBox box = TestBox.start();
        Api technician = box.api();
        String techLead = staffIdNamed(technician, "Technician");
        String cashier = box.addStaff("Ani", "cashier", "4321");
        String manager = box.addStaff("Budi", "manager", "5678");
        String leaver = box.addStaff("Citra", "supervisor", "8765");
        String secondTechnician = box.addStaff("Tono", "technician", "7401");
        String goneTechnician = box.addStaff("Tari", "technician", "7402");
        assertThat(technician.patch("/api/v1/staff/" + cashier, Map.of("name", "Ani S.", "pin", "4322")).status()).isEqualTo(200);
        assertThat(technician.patch("/api/v1/staff/" + manager, Map.of("role", "supervisor")).status()).isEqualTo(200);
        assertThat(technician.patch("/api/v1/staff/" + manager, Map.of("role", "manager", "name", "Budi H.")).status()).isEqualTo(200);
        assertThat(technician.delete("/api/v1/staff/" + leaver).status()).isEqualTo(200);
        assertThat(technician.delete("/api/v1/staff/" + goneTechnician).status()).isEqualTo(200);
        String till = box.pairDevice("terminal");
        box.pairDevice("kds");
        box.pairDevice("kiosk");
        assertThat(technician.delete("/api/v1/devices/" + deviceIdOf(technician, "kds")).status()).isEqualTo(200);
        assertThat(SignIn.session(box.port(), till, "4322")).isNotBlank();
        assertThat(technician.as(till).post("/api/v1/sessions", Map.of("pin", "9999")).status()).as("a wrong PIN").isEqualTo(401);
        assertThat(technician.post("/api/v1/devices/pairing-codes", Map.of("name", "Till 3", "kind", "terminal")).status()).isEqualTo(201);
        assertThat(technician.patch("/api/v1/staff/" + techLead, Map.of("name", "Tech Lead")).status()).isEqualTo(200);
        List<String> activeStaff = activeStaffIds(technician.as(SignIn.session(box.port(), till, SignIn.TECHNICIAN_PIN)));
        box.stop();

        Path rebuilt = RebuiltCopy.of(box.dataDir());
        try {
            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "staff", Set.of("pin_hash"));
            RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "devices", Set.of("token_hash"));
            assertThat(RebuiltCopy.rows(rebuilt, "staff", Set.of())).extracting(row -> row.get("pin_hash")).containsOnlyNulls();
            assertThat(RebuiltCopy.rows(rebuilt, "devices", Set.of())).extracting(row -> row.get("token_hash")).containsOnlyNulls();
            EMPTY_WHEN_REBUILT.forEach(table -> RebuiltCopy.assertEmpty(rebuilt, table));
            assertThat(RebuiltBox.auditIntact(rebuilt)).isTrue();

            try (Box started = RebuiltBox.start(rebuilt, UnaryOperator.identity())) {
                FirstStart first = started.firstStart().orElseThrow(() -> new AssertionError("a rebuilt box must let a technician in"));
                Api anyone = new Api(started.port(), null);
                assertThat(anyone.as(till).get("/api/v1/catalog").status()).as("the old box's tablets pair again").isEqualTo(401);
                String firstTerminal = SignIn.pair(started.port(), first.pairingCode().code());
                Reply signedIn = anyone.as(firstTerminal).post("/api/v1/sessions", Map.of("pin", first.technicianPin()));
                assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(201);
                assertThat(signedIn.field("staffId")).as("the PIN is the first technician's the ledger names").isEqualTo(techLead);
                assertThat(signedIn.field("name")).isEqualTo("Tech Lead");
                Api lead = anyone.as(signedIn.field("sessionToken"));
                assertThat(activeStaffIds(lead)).as("no second technician made up").isEqualTo(activeStaff);

                String newTill = pairWithNewCode(lead, started.port());
                Reply noPin = anyone.as(newTill).post("/api/v1/sessions", Map.of("pin", "4322", "staffId", cashier));
                assertThat(noPin.status()).as(noPin.toString()).isEqualTo(409);
                assertThat(noPin.problemFields()).containsExactly("staffId");
                assertThat(anyone.as(newTill).post("/api/v1/sessions", Map.of("pin", "4322")).status()).isEqualTo(401);
                assertThat(anyone.as(newTill).post("/api/v1/sessions", Map.of("pin", "7401")).status())
                        .as("the second technician has no PIN either").isEqualTo(401);

                Reply leadRemoved = lead.delete("/api/v1/staff/" + techLead);
                assertThat(leadRemoved.status()).as("a technician without a PIN is no technician who can sign in").isEqualTo(409);
                assertThat(leadRemoved.problemFields()).containsExactly("staffId");
                assertThat(lead.patch("/api/v1/staff/" + manager, Map.of("pin", "5678")).status()).isEqualTo(200);
                Api managerOnTill = anyone.as(SignIn.session(started.port(), newTill, "5678"));
                assertThat(managerOnTill.patch("/api/v1/staff/" + cashier, Map.of("pin", "4322")).status()).isEqualTo(200);
                Reply cashierIn = anyone.as(newTill).post("/api/v1/sessions", Map.of("pin", "4322"));
                assertThat(cashierIn.status()).as(cashierIn.toString()).isEqualTo(201);
                assertThat(cashierIn.field("staffId")).isEqualTo(cashier);
                assertThat(lead.patch("/api/v1/staff/" + secondTechnician, Map.of("pin", "7401")).status()).isEqualTo(200);

                String oldTerminal = deviceIdOf(lead, "terminal");
                assertThat(lead.delete("/api/v1/devices/" + oldTerminal).status()).as("an old box's device may be revoked to tidy the list")
                        .isEqualTo(200);
            }
            try (Box again = RebuiltBox.start(rebuilt, UnaryOperator.identity())) {
                assertThat(again.firstStart()).as("staff hold PINs now").isEmpty();
            }
        } finally {
            TempFolders.delete(rebuilt);
            box.deleteData();
        }
    }

    @Test
    void theFirstStartsPinGoesToATechnicianEvenWhenAnotherMemberWasAddedBefore() {
        TestBox box = TestBox.start();
        Api technician = box.api();
        String first = staffIdNamed(technician, "Technician");
        box.addStaff("Budi", "manager", "5678");
        String next = box.addStaff("Tono", "technician", "7401");
        Api tono = technician.as(SignIn.session(box.port(), box.pairDevice("terminal"), "7401"));
        assertThat(tono.delete("/api/v1/staff/" + first).status()).isEqualTo(200);
        box.stop();
        Path rebuilt = RebuiltCopy.of(box.dataDir());
        try (Box started = RebuiltBox.start(rebuilt, UnaryOperator.identity())) {
            FirstStart firstStart = started.firstStart().orElseThrow();
            Api anyone = new Api(started.port(), null);
            Reply signedIn = anyone.as(SignIn.pair(started.port(), firstStart.pairingCode().code()))
                    .post("/api/v1/sessions", Map.of("pin", firstStart.technicianPin()));
            assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(201);
            assertThat(signedIn.field("staffId")).as("the technician, not the manager listed before him").isEqualTo(next);
        } finally {
            TempFolders.delete(rebuilt);
            box.deleteData();
        }
    }

    private static String pairWithNewCode(Api technician, int port) {
        Reply code = technician.post("/api/v1/devices/pairing-codes", Map.of("name", "New till", "kind", "terminal"));
        assertThat(code.status()).as(code.toString()).isEqualTo(201);
        return SignIn.pair(port, code.field("code"));
    }

    private static String staffIdNamed(Api technician, String name) {
        for (JsonNode member : technician.get("/api/v1/staff").body().path("items")) {
            if (member.path("name").asText().equals(name)) {
                return member.path("staffId").asText();
            }
        }
        throw new AssertionError("no staff member " + name);
    }

    private static List<String> activeStaffIds(Api technician) {
        List<String> ids = new ArrayList<>();
        technician.get("/api/v1/staff").body().path("items").forEach(member -> ids.add(member.path("staffId").asText()));
        return ids;
    }

    /** The first device of {@code kind} paired, in the order the list gives them. */
    private static String deviceIdOf(Api technician, String kind) {
        for (JsonNode device : technician.get("/api/v1/devices").body().path("items")) {
            if (device.path("kind").asText().equals(kind)) {
                return device.path("deviceId").asText();
            }
        }
        throw new AssertionError("no device of kind " + kind);
    }
}
