package backroom.edge.sales;

import static backroom.edge.testing.Sales.twoLargeLattesWithExtraShot;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SignIn;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A clock stepped ahead or back can neither ring a retried sale twice nor make the ledger's time go
 * backwards; health says when the clock is behind the ledger.
 */
class WrongClockTest {

    @Test
    void aRetryAfterTheClockJumped49HoursAheadAndBackGetsTheFirstAnswer() {
        try (TestBox box = TestBox.start()) {
            String terminal = box.pairDevice("terminal");
            box.addStaff("Ani", "cashier", "5511");
            Api cashier = box.api().as(SignIn.session(box.port(), terminal, "5511"));
            String shift = cashier.openShift("jump");
            Map<String, Object> sale = twoLargeLattesWithExtraShot("jump", shift);
            Reply first = cashier.ringSale("jump-key", sale);
            long head = box.headSeq();

            box.clock().advance(Duration.ofHours(49));
            // Her 12-hour session ended with the jump: she signs in again on the same terminal.
            cashier = box.api().as(SignIn.session(box.port(), terminal, "5511"));
            Reply next = cashier.ringSale("next-key", sale);
            Reply ahead = cashier.ringSale("jump-key", sale);
            box.clock().advance(Duration.ofHours(-49));
            Reply back = cashier.ringSale("jump-key", sale);

            assertThat(first.status()).isEqualTo(201);
            assertThat(ahead.text()).isEqualTo(first.text());
            assertThat(back.text()).isEqualTo(first.text());
            assertThat(next.field("saleId")).isNotEqualTo(first.field("saleId"));
            assertThat(types(box).subList((int) head, (int) box.headSeq()))
                    .as("the new session, the next sale and its kitchen order, and the clock's lag once it was stepped back: no second first sale")
                    .containsExactly("session.started", "sale.completed", "order.created", "clock.behind");
        }
    }

    @Test
    void aRetryAfterARestartWithTheClockAheadGetsTheFirstAnswerOnItsOwnDeviceOnly() {
        TestBox box = TestBox.start();
        String terminal = box.pairDevice("terminal");
        String otherTerminal = box.pairDevice("terminal");
        box.addStaff("Budi", "cashier", "5512");
        Api cashier = box.api().as(SignIn.session(box.port(), terminal, "5512"));
        String shift = cashier.openShift("restart-jump");
        Map<String, Object> sale = twoLargeLattesWithExtraShot("restart-jump", shift);
        Reply first = cashier.ringSale("restart-key", sale);
        box.stop();
        box.clock().advance(Duration.ofHours(49));

        try (TestBox again = TestBox.restart(box)) {
            cashier = again.api().as(SignIn.session(again.port(), terminal, "5512"));
            long head = again.headSeq();
            Reply retry = cashier.ringSale("restart-key", sale);
            Reply otherDevice = again.api().as(SignIn.session(again.port(), otherTerminal, "5512")).ringSale("restart-key", sale);

            assertThat(retry.text()).isEqualTo(first.text());
            assertThat(otherDevice.status()).isEqualTo(201);
            assertThat(otherDevice.field("saleId")).isNotEqualTo(first.field("saleId"));
            assertThat(again.headSeq()).isGreaterThan(head);
        }
    }

    @Test
    void entriesNeverGoBackInTimeTheLagIsRecordedOnceAndHealthSaysSo() {
        try (TestBox box = TestBox.start()) {
            Api api = box.api();
            String shift = api.openShift("late");
            Reply before = api.ringSale(twoLargeLattesWithExtraShot("late", shift));
            assertThat(clockCheck(api).path("status").asText()).isEqualTo("UP");

            box.clock().advance(Duration.ofHours(-1));
            Reply held1 = api.ringSale(twoLargeLattesWithExtraShot("late", shift));
            Reply held2 = api.ringSale(twoLargeLattesWithExtraShot("late", shift));
            JsonNode behind = clockCheck(api);
            Reply healthWhileBehind = api.get("/observe/health");
            box.clock().advance(Duration.ofHours(1).plusSeconds(2));
            Reply after = api.ringSale(twoLargeLattesWithExtraShot("late", shift));

            Instant soldBefore = soldAt(api, before);
            assertThat(soldAt(api, held1)).isEqualTo(soldBefore);
            assertThat(soldAt(api, held2)).isEqualTo(soldBefore);
            assertThat(soldAt(api, after)).isAfter(soldBefore);
            assertThat(behind.path("status").asText()).isEqualTo("DOWN");
            assertThat(behind.path("data").path("behindSeconds").asLong()).isBetween(3590L, 3600L);
            assertThat(healthWhileBehind.status()).isEqualTo(503);
            assertThat(clockCheck(api).path("status").asText()).isEqualTo("UP");
            List<String> types = types(box);
            assertThat(types).containsOnlyOnce("clock.behind");
            assertThat(types.indexOf("clock.behind")).as("right after the first sale's write: its sale and its kitchen order")
                    .isEqualTo(types.indexOf("sale.completed") + 2);
            List<Instant> times = times(box);
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i)).as("entry " + (i + 1)).isAfterOrEqualTo(times.get(i - 1));
            }
            assertThat(box.verifyChain().intact()).isTrue();
        }
    }

    @Test
    void pairingCodesAndPinLocksKeepThePersonsTimeWhileTheClockIsBehindTheLedger() {
        try (TestBox box = TestBox.start()) {
            Api api = box.api();
            api.openShift("behind");
            box.clock().advance(Duration.ofHours(-1));
            String terminal = box.pairDevice("terminal");
            Api device = api.as(terminal);
            for (int wrong = 1; wrong <= 5; wrong++) {
                device.post("/api/v1/sessions", Map.of("pin", "0000"));
            }
            assertThat(device.post("/api/v1/sessions", Map.of("pin", SignIn.TECHNICIAN_PIN)).status()).as("locked").isEqualTo(429);

            box.clock().advance(Duration.ofSeconds(31));

            assertThat(device.post("/api/v1/sessions", Map.of("pin", SignIn.TECHNICIAN_PIN)).status())
                    .as("30 s of the clock later, not of the ledger").isEqualTo(201);
        }
    }

    private static JsonNode clockCheck(Api api) {
        for (JsonNode check : api.get("/observe/health").body().path("checks")) {
            if (check.path("name").asText().equals("clock")) {
                return check;
            }
        }
        throw new AssertionError("health has no clock check");
    }

    private static Instant soldAt(Api api, Reply rung) {
        return Instant.parse(api.get("/api/v1/sales/" + rung.field("saleId")).field("soldAt"));
    }

    private static List<String> types(TestBox box) {
        return box.box().database().jdbi().withHandle(handle ->
                handle.createQuery("SELECT type FROM ledger ORDER BY seq").mapTo(String.class).list());
    }

    private static List<Instant> times(TestBox box) {
        return box.box().database().jdbi().withHandle(handle ->
                handle.createQuery("SELECT occurred_at FROM ledger ORDER BY seq")
                        .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list());
    }
}
