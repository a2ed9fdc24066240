package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SignIn;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.testing.TestBox;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guards on staff: the last technician stays, a PIN belongs to one member, and a member who changes or leaves is signed out. */
class StaffTest {

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
    void changingOrRemovingAnUnknownOrRemovedStaffMemberIsNotFound() {
        String gone = box.addStaff("Budi", "cashier", "7400");
        assertThat(technician.delete("/api/v1/staff/" + gone).status()).isEqualTo(200);
        long head = box.headSeq();

        for (String staffId : List.of(gone, "00000000-0000-7000-8000-000000000000")) {
            Reply changed = technician.patch("/api/v1/staff/" + staffId, Map.of("role", "supervisor"));
            Reply removed = technician.delete("/api/v1/staff/" + staffId);
            assertThat(changed.status()).as(changed.text()).isEqualTo(404);
            assertThat(removed.status()).as(removed.text()).isEqualTo(404);
            assertThat(changed.contentType()).startsWith("application/problem+json");
        }
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void theLastTechnicianCannotBeRemovedOrDemotedWhileASecondOneCanBe() {
        String first = staffIdOf("Technician");
        String cashier = box.addStaff("Budi", "cashier", "7400");

        assertIsGuardedAsTheLastTechnician(first);
        assertThat(technician.patch("/api/v1/staff/" + cashier, Map.of("role", "supervisor")).field("role"))
                .as("other members change as usual").isEqualTo("supervisor");

        String second = box.addStaff("Tono", "technician", "7401");
        Reply demoted = technician.patch("/api/v1/staff/" + second, Map.of("role", "manager"));
        assertThat(demoted.status()).isEqualTo(200);
        assertThat(demoted.field("role")).isEqualTo("manager");
        assertIsGuardedAsTheLastTechnician(first);

        String third = box.addStaff("Tari", "technician", "7402");
        assertThat(technician.delete("/api/v1/staff/" + third).status()).isEqualTo(200);
        assertIsGuardedAsTheLastTechnician(first);
        assertThat(technician.delete("/api/v1/staff/" + cashier).status()).as("other members leave as usual").isEqualTo(200);

        String spareTerminal = box.pairDevice("terminal");
        Reply kept = technician.patch("/api/v1/staff/" + first, Map.of("role", "technician"));
        assertThat(kept.status()).as("keeping the role is no demotion").isEqualTo(200);
        Api again = technician.as(SignIn.session(box.port(), spareTerminal, SignIn.TECHNICIAN_PIN));
        Reply renamed = again.patch("/api/v1/staff/" + first, Map.of("name", "Tech Lead"));
        assertThat(renamed.status()).as("a name alone is no demotion").isEqualTo(200);
        assertThat(renamed.field("name")).isEqualTo("Tech Lead");
        assertThat(renamed.field("role")).isEqualTo("technician");
    }

    /** Run by the technician {@code staffId} on themselves: the box's only technician may not leave or step down. */
    private void assertIsGuardedAsTheLastTechnician(String staffId) {
        long head = box.headSeq();

        Reply removed = technician.delete("/api/v1/staff/" + staffId);
        Reply demoted = technician.patch("/api/v1/staff/" + staffId, Map.of("role", "manager"));

        assertThat(removed.status()).isEqualTo(409);
        assertThat(removed.problemFields()).containsExactly("staffId");
        assertThat(removed.field("detail")).isEqualTo("staffId: this is the box's last technician who can sign in; add another technician, or set a PIN for one, first");
        assertThat(demoted.status()).isEqualTo(409);
        assertThat(demoted.problemFields()).containsExactly("role");
        assertThat(demoted.field("detail")).isEqualTo("role: this is the box's last technician who can sign in; add another technician, or set a PIN for one, first");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(technician.get("/api/v1/staff").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void removingAStaffMemberEndsEveryOneOfTheirSessionsAlsoAfterARestart() {
        String budi = box.addStaff("Budi", "cashier", "7410");
        box.addStaff("Citra", "cashier", "7411");
        String budiOnOne = session("7410");
        String budiOnTwo = session("7410");
        String citra = session("7411");

        Reply removed = technician.delete("/api/v1/staff/" + budi);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.field("staffId")).isEqualTo(budi);
        assertThat(removed.body().path("removed").asBoolean()).isTrue();
        assertThat(technician.get("/api/v1/staff").body().path("items").findValuesAsText("name")).containsExactly("Technician", "Citra");
        assertSignedOut(budiOnOne, budiOnTwo);
        assertThat(as(citra).get("/api/v1/sales").status()).isEqualTo(200);
        Reply oldPin = box.newDevice("terminal").post("/api/v1/sessions", Map.of("pin", "7410"));
        assertThat(oldPin.status()).isEqualTo(401);
        assertThat(oldPin.problemFields()).containsExactly("pin");
        assertThat(openSessionsOf(budi)).as("ended on disk").isZero();

        box.stop();
        box = TestBox.restart(box);

        assertSignedOut(budiOnOne, budiOnTwo);
        assertThat(as(citra).get("/api/v1/sales").status()).isEqualTo(200);
    }

    @Test
    void aPinChangeEndsTheMembersSessionsAlsoAfterARestartAndOnlyTheNewPinSignsIn() {
        String budi = box.addStaff("Budi", "cashier", "7420");
        String budiOnOne = session("7420");
        String budiOnTwo = session("7420");

        Reply changed = technician.patch("/api/v1/staff/" + budi, Map.of("pin", "7421"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.field("name")).isEqualTo("Budi");
        assertThat(changed.field("role")).isEqualTo("cashier");
        assertSignedOut(budiOnOne, budiOnTwo);
        assertThat(openSessionsOf(budi)).as("ended on disk").isZero();
        Api terminal = box.newDevice("terminal");
        assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "7420")).status()).isEqualTo(401);
        assertThat(terminal.post("/api/v1/sessions", Map.of("pin", "7421")).field("staffId")).isEqualTo(budi);

        box.stop();
        box = TestBox.restart(box);

        assertSignedOut(budiOnOne, budiOnTwo);
    }

    @Test
    void aPinAnotherActiveMemberHoldsIsRefusedOnChangeAndChangesNothing() {
        String budi = box.addStaff("Budi", "cashier", "7430");
        String citra = box.addStaff("Citra", "cashier", "7431");
        String citraSession = session("7431");
        long head = box.headSeq();

        Reply refused = technician.patch("/api/v1/staff/" + citra, Map.of("pin", "7430"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemFields()).containsExactly("pin");
        assertThat(refused.field("detail")).isEqualTo("pin: another staff member has this PIN; choose another");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(as(citraSession).get("/api/v1/sales").status()).as("still signed in").isEqualTo(200);
        assertThat(box.newDevice("terminal").post("/api/v1/sessions", Map.of("pin", "7431")).field("staffId")).isEqualTo(citra);

        assertThat(technician.patch("/api/v1/staff/" + budi, Map.of("pin", "7430")).status())
                .as("a member's own PIN is not another's").isEqualTo(200);
        assertThat(technician.delete("/api/v1/staff/" + budi).status()).isEqualTo(200);
        assertThat(technician.patch("/api/v1/staff/" + citra, Map.of("pin", "7430")).status())
                .as("a removed member's PIN is free").isEqualTo(200);
    }

    @Test
    void aChangedPinMustBeFourToEightDigitsAndEachBadFieldIsNamed() {
        String budi = box.addStaff("Budi", "cashier", "7440");
        long head = box.headSeq();

        for (String pin : List.of("744", "744000001", "74a0", "", " 7441")) {
            Reply refused = technician.patch("/api/v1/staff/" + budi, Map.of("pin", pin));
            assertThat(refused.status()).as(pin).isEqualTo(422);
            assertThat(refused.problemFields()).as(pin).containsExactly("pin");
            assertThat(refused.field("detail")).isEqualTo("pin: must be 4 to 8 digits");
        }
        Reply everything = technician.patch("/api/v1/staff/" + budi, Map.of("name", " ", "pin", "12", "role", "owner"));
        assertThat(everything.status()).isEqualTo(422);
        assertThat(everything.problemFields()).containsExactly("name", "pin", "role");
        Reply nothing = technician.patch("/api/v1/staff/" + budi, Map.of());
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.problemFields()).containsExactly("name");
        assertThat(nothing.field("detail")).isEqualTo("name: name, pin or role must be given");
        assertThat(box.headSeq()).isEqualTo(head);

        assertThat(technician.patch("/api/v1/staff/" + budi, Map.of("pin", "7441")).status()).as("four digits").isEqualTo(200);
        assertThat(technician.patch("/api/v1/staff/" + budi, Map.of("pin", "74410000")).status()).as("eight digits").isEqualTo(200);
    }

    @Test
    void aNewStaffMemberNeedsANameOfAtMost200CharactersAFreePinAndARole() {
        long head = box.headSeq();

        Reply nothing = technician.post("/api/v1/staff", Map.of());
        Reply tooLong = technician.post("/api/v1/staff", Map.of("name", "n".repeat(201), "pin", "7450", "role", "cashier"));

        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.problemFields()).containsExactly("name", "pin", "role");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.problemFields()).containsExactly("name");
        assertThat(box.headSeq()).isEqualTo(head);
        Reply longest = technician.post("/api/v1/staff", Map.of("name", "n".repeat(200), "pin", "7450", "role", "cashier"));
        assertThat(longest.status()).isEqualTo(201);
        assertThat(longest.field("name")).isEqualTo("n".repeat(200));
        assertThat(technician.patch("/api/v1/staff/" + longest.field("staffId"), Map.of("name", "n".repeat(201))).problemFields())
                .containsExactly("name");
    }

    @Test
    void aManagerGivesAndChangesRolesUpToTheirOwn() {
        box.addStaff("Maya", "manager", "7460");
        Api manager = technician.as(session("7460"));

        Reply peer = manager.post("/api/v1/staff", Map.of("name", "Mira", "role", "manager", "pin", "7461"));
        assertThat(peer.status()).as("a manager may add a manager").isEqualTo(201);
        Reply demoted = manager.patch("/api/v1/staff/" + peer.field("staffId"), Map.of("role", "supervisor"));
        assertThat(demoted.status()).isEqualTo(200);
        assertThat(demoted.field("role")).isEqualTo("supervisor");
        Reply promoted = manager.patch("/api/v1/staff/" + peer.field("staffId"), Map.of("role", "technician"));
        assertThat(promoted.status()).isEqualTo(403);
        assertThat(promoted.problemFields()).containsExactly("role");
    }

    @Test
    void aStaffChangeEntrySaysWhetherThePinChangedButNeverHoldsIt() {
        String cashier = box.addStaff("Dewi", "cashier", "7301");
        long head = box.headSeq();
        assertThat(box.api().patch("/api/v1/staff/" + cashier, Map.of("role", "supervisor")).status()).isEqualTo(200);
        assertThat(box.api().patch("/api/v1/staff/" + cashier, Map.of("pin", "7302")).status()).isEqualTo(200);

        List<LedgerEntry> changes = box.box().database().durableEntriesAfter(head, 100).stream()
                .filter(entry -> entry.type().equals("staff.changed")).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).payload()).contains("\"pinChanged\":false").contains("\"role\":\"supervisor\"");
        // The PIN as a value of its own: the entry's ids are random and may hold its digits.
        assertThat(changes.get(1).payload()).contains("\"pinChanged\":true").doesNotContain("\"7302\"").doesNotContainIgnoringCase("hash");
    }

    private void assertSignedOut(String... sessions) {
        for (String session : sessions) {
            Reply refused = as(session).get("/api/v1/sales");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.problemFields()).containsExactly("Authorization");
        }
    }

    /** A session of the staff member with {@code pin} on a terminal of its own. */
    private String session(String pin) {
        return SignIn.session(box.port(), box.pairDevice("terminal"), pin);
    }

    private Api as(String token) {
        return box.api().as(token);
    }

    private String staffIdOf(String name) {
        try (Handle handle = box.box().database().jdbi().open()) {
            return handle.createQuery("SELECT id FROM staff WHERE name = :name").bind("name", name).mapTo(String.class).one();
        }
    }

    private long openSessionsOf(String staffId) {
        try (Handle handle = box.box().database().jdbi().open()) {
            return handle.createQuery("SELECT COUNT(*) FROM staff_sessions WHERE staff_id = :id AND ended_at IS NULL")
                    .bind("id", staffId).mapTo(Long.class).one();
        }
    }
}
