package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.Sha256;
import backroom.edge.testing.LiveScreen;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SharedBox;
import backroom.edge.testing.SignIn;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ending access closes the live feeds opened with exactly the access that ended: a revoked device's,
 * a signed-out session's, a removed member's, and no other screen's.
 */
class LiveFeedAccessTest {

    /** The WebSocket close code for a policy violation, which the box sends when access ends. */
    private static final int ACCESS_ENDED = 1008;

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    @Test
    void revokingADeviceClosesTheFeedsOfItsTokenAndItsSessionsAndNoOther() {
        String shift = box.api().openShift("feed-1");
        String revoked = box.box().pairDevice("kds");
        String kept = box.box().pairDevice("kds");
        String pin = newStaff("kitchen").pin();
        try (LiveScreen revokedAlone = feed(revoked);
             LiveScreen revokedSession = feed(SignIn.session(box.box().port(), revoked, pin));
             LiveScreen keptAlone = feed(kept);
             LiveScreen keptSession = feed(SignIn.session(box.box().port(), kept, pin))) {

            assertThat(box.api().delete("/api/v1/devices/" + deviceIdOf(revoked)).status()).isEqualTo(200);

            assertThat(revokedAlone.closeCode()).isEqualTo(ACCESS_ENDED);
            assertThat(revokedSession.closeCode()).isEqualTo(ACCESS_ENDED);
            assertFollowsTheStore(shift, "feed-1", keptAlone, keptSession);
        }
    }

    @Test
    void signingOutClosesTheFeedOfThatSessionAloneNotTheDevicesNorTheMembersOtherSessions() {
        String shift = box.api().openShift("feed-2");
        String terminal = box.box().pairDevice("terminal");
        String pin = newStaff("cashier").pin();
        String signingOut = SignIn.session(box.box().port(), terminal, pin);
        String otherSession = SignIn.session(box.box().port(), box.box().pairDevice("terminal"), pin);
        try (LiveScreen ended = feed(signingOut);
             LiveScreen device = feed(terminal);
             LiveScreen other = feed(otherSession);
             LiveScreen someoneElse = feed(box.api().token())) {

            assertThat(box.api().as(signingOut).delete("/api/v1/sessions/current").status()).isEqualTo(200);

            assertThat(ended.closeCode()).isEqualTo(ACCESS_ENDED);
            assertFollowsTheStore(shift, "feed-2", device, other, someoneElse);
        }
    }

    @Test
    void removingAStaffMemberClosesEachOfTheirFeedsAndNoOther() {
        String shift = box.api().openShift("feed-3");
        String terminal = box.box().pairDevice("terminal");
        Member leaving = newStaff("supervisor");
        String pin = leaving.pin();
        try (LiveScreen first = feed(SignIn.session(box.box().port(), terminal, pin));
             LiveScreen second = feed(SignIn.session(box.box().port(), box.box().pairDevice("kds"), pin));
             LiveScreen device = feed(terminal);
             LiveScreen colleague = feed(SignIn.session(box.box().port(), terminal, newStaff("cashier").pin()))) {

            assertThat(box.api().delete("/api/v1/staff/" + leaving.staffId()).status()).isEqualTo(200);

            assertThat(first.closeCode()).isEqualTo(ACCESS_ENDED);
            assertThat(second.closeCode()).isEqualTo(ACCESS_ENDED);
            assertFollowsTheStore(shift, "feed-3", device, colleague);
        }
    }

    /** Rings a sale; each screen gets it, so none was closed. */
    private static void assertFollowsTheStore(String shift, String register, LiveScreen... screens) {
        Reply sale = box.api().ringSale(Sales.twoLargeLattesWithExtraShot(register, shift));
        assertThat(sale.status()).isEqualTo(201);
        for (LiveScreen screen : screens) {
            JsonNode message = screen.next();
            while (message.path("seq").asLong() < sale.number("ledgerSeq")) {
                message = screen.next();
            }
            assertThat(message.path("type").asText()).isEqualTo("sale.completed");
            assertThat(screen.isClosed()).isFalse();
        }
    }

    private static LiveScreen feed(String token) {
        return LiveScreen.connect(box.box().port(), "token=" + token);
    }

    private static final AtomicInteger NEXT_PIN = new AtomicInteger(7600);

    /** A staff member added with a PIN of their own. */
    private record Member(String staffId, String pin) {
    }

    private static Member newStaff(String role) {
        String pin = Integer.toString(NEXT_PIN.getAndIncrement());
        return new Member(box.box().addStaff(role + " " + pin, role, pin), pin);
    }

    private static String deviceIdOf(String deviceToken) {
        try (Handle handle = box.box().box().database().jdbi().open()) {
            return handle.createQuery("SELECT id FROM devices WHERE token_hash = :hash").bind("hash", Sha256.hex(deviceToken))
                    .mapTo(String.class).one();
        }
    }
}
