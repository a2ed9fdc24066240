package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SharedBox;
import backroom.edge.testing.SignIn;
import backroom.edge.testing.TestBox;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What each role and device may and may not do, through the real API. */
class SecurityTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    @Test
    void aCashierRingsASaleButCannotVoidIt() {
        box.box().addStaff("Ika", "cashier", "7320");
        Api cashier = box.api().as(SignIn.session(box.box().port(), box.box().pairDevice("terminal"), "7320"));
        String shift = cashier.openShift("sec-1");
        Reply sale = cashier.ringSale(Sales.twoLargeLattesWithExtraShot("sec-1", shift));
        assertThat(sale.status()).isEqualTo(201);
        long head = box.headSeq();

        Reply refused = cashier.post("/api/v1/sales/" + sale.field("saleId") + "/void", Map.of("reason", "customer left"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.field("title")).isEqualTo("Forbidden");
        assertThat(refused.field("detail")).isEqualTo("cashier Ika on terminal Test terminal may not void sale");
        assertThat(refused.problemFields()).containsExactly("Authorization");
        assertThat(refused.body().path("errors").get(0).path("message").asText()).isEqualTo("lacks permission VOID_SALE");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(box.box().signedIn("supervisor").post("/api/v1/sales/" + sale.field("saleId") + "/void",
                Map.of("reason", "customer left")).status()).isEqualTo(200);
    }

    @Test
    void aKitchenScreenRingsNoSaleWhoeverIsSignedInOnIt() {
        String shift = box.api().openShift("sec-2");
        Map<String, Object> sale = Sales.twoLargeLattesWithExtraShot("sec-2", shift);
        Api kds = box.box().newDevice("kds");
        Api kitchenOnKds = box.box().signedIn("kitchen", "kds");
        Api managerOnKds = box.box().signedIn("manager", "kds");
        Api kitchenOnTerminal = box.box().signedIn("kitchen", "terminal");
        long head = box.headSeq();

        for (Api caller : new Api[] {kds, kitchenOnKds, managerOnKds, kitchenOnTerminal}) {
            Reply refused = caller.ringSale(sale);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.problemFields()).containsExactly("Authorization");
        }
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(kds.get("/api/v1/catalog").status()).isEqualTo(200);
    }

    @Test
    void aTokenFromAnotherBoxsDatabaseIsRefused() {
        try (TestBox other = TestBox.start()) {
            String otherTechnician = other.api().token();
            String otherDevice = other.pairDevice("terminal");

            assertThat(box.api().as(otherTechnician).get("/api/v1/sales").status()).isEqualTo(401);
            assertThat(box.api().as(otherDevice).get("/api/v1/catalog").status()).isEqualTo(401);
            assertThat(other.api().get("/api/v1/sales").status()).isEqualTo(200);
        }
    }

    @Test
    void aManagerAddsCashiersButNoTechnicianAndCannotRemoveOne() {
        Api manager = box.box().signedIn("manager");

        assertThat(manager.post("/api/v1/staff", Map.of("name", "Eka", "role", "cashier", "pin", "7301")).status()).isEqualTo(201);
        Reply technician = manager.post("/api/v1/staff", Map.of("name", "Fajar", "role", "technician", "pin", "7302"));
        assertThat(technician.status()).isEqualTo(403);
        assertThat(technician.problemFields()).containsExactly("role");
        assertThat(technician.field("detail")).isEqualTo("role: a manager may not give the role technician");

        String techId = box.box().addStaff("Gita", "technician", "7303");
        Reply removal = manager.delete("/api/v1/staff/" + techId);
        assertThat(removal.status()).isEqualTo(403);
        assertThat(removal.problemFields()).containsExactly("staffId");
        assertThat(removal.field("detail")).isEqualTo("staffId: a manager may not change a technician");
        Reply demotion = manager.patch("/api/v1/staff/" + techId, Map.of("role", "cashier"));
        assertThat(demotion.status()).isEqualTo(403);
        assertThat(demotion.problemFields()).containsExactly("staffId");
    }

    @Test
    void changingAStaffMembersPinOrRoleEndsTheirSessions() {
        String staffId = box.box().addStaff("Hadi", "cashier", "7310");
        Api cashier = box.api().as(SignIn.session(box.box().port(), box.box().pairDevice("terminal"), "7310"));
        assertThat(cashier.get("/api/v1/sales").status()).isEqualTo(200);

        assertThat(box.api().patch("/api/v1/staff/" + staffId, Map.of("role", "supervisor")).status()).isEqualTo(200);

        assertThat(cashier.get("/api/v1/sales").status()).isEqualTo(401);
    }
}
