package backroom.edge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import backroom.edge.ledger.LedgerDatabase;
import backroom.relay.hq.HqSink;
import backroom.relay.testing.CuttingProxy;
import backroom.relay.testing.Mosquitto;
import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.testing.PostgresDatabase;
import backroom.relay.testing.TlsFiles;
import java.util.Optional;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.time.Duration;
import backroom.relay.uplink.UplinkSettings;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The box's ledger reaches HQ through a real Mosquitto, each seq once, in order, chain-checked, whatever drops in between. */
class RelayTest {

    @TempDir
    Path dir;
    private Mosquitto broker;
    private Hq hq;
    private TestBox box;
    private PostgresDatabase postgres;

    @AfterEach
    void stopAll() {
        if (box != null) {
            box.close();
        }
        if (hq != null) {
            hq.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aStoreOfflineFor10000SalesDeliversThemAllOnceItReconnects() throws Exception {
        broker = Mosquitto.start(dir);
        broker.kill();
        hq = Hq.onH2(dir, broker.url());
        box = TestBox.start(config -> config.withRelay(hq.uplink()));
        ring(box.api(), 10_000);
        assertThat(relay(box.api()).body().path("connected").asBoolean()).isFalse();
        assertThat(relay(box.api()).number("backlog")).isEqualTo(box.headSeq());

        broker.start();
        hq.startSink();
        awaitDelivered();
        assertHqHoldsTheBoxsLedgerExactly();
        Reply relay = relay(box.api());
        assertThat(relay.body().path("connected").asBoolean()).isTrue();
        assertThat(relay.number("ackedSeq")).isEqualTo(box.headSeq());
        assertThat(relay.number("backlog")).isZero();
        assertThat(relay.body().path("halted").isNull()).isTrue();
        assertNoSecretLeftTheStore();
    }

    /** No PIN, token or pairing-code hash of the box is in any payload HQ received, nor the raw tokens the test holds. */
    private void assertNoSecretLeftTheStore() throws SQLException {
        List<String> secrets = box.box().database().jdbi().withHandle(handle -> handle.createQuery("""
                SELECT pin_hash FROM staff UNION ALL SELECT token_hash FROM devices
                UNION ALL SELECT token_hash FROM staff_sessions UNION ALL SELECT code_hash FROM pairing_codes""")
                .mapTo(String.class).list());
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(4);
        List<String> payloads = hq.strings("SELECT payload FROM ledger_entries");
        assertThat(payloads).hasSize((int) box.headSeq());
        for (String secret : secrets) {
            assertThat(payloads).as("a payload holding a secret hash").noneMatch(payload -> payload.contains(secret));
        }
        assertThat(payloads).as("a payload holding the session token").noneMatch(payload -> payload.contains(box.api().token()));
    }

    @Test
    void theBrokerKilledAndRestartedMidDrainLosesAndRepeatsNothing() throws Exception {
        broker = Mosquitto.start(dir);
        hq = Hq.onH2(dir, broker.url());
        hq.startSink();
        box = TestBox.start(config -> config.withRelay(hq.uplink()));
        ring(box.api(), 3_000);
        awaitUntil(() -> checked() > 0);
        broker.kill();
        ring(box.api(), 2_000);
        broker.start();
        awaitDelivered();
        assertHqHoldsTheBoxsLedgerExactly();
    }

    /**
     * A slow link (48 KB/s) cut every 0.1-0.4 s, 25 times while entries are out, then left up: full
     * batches never got through it before batches shrank on such a link. The cuts stop at a count,
     * not a time, so a slow machine cuts as often as a fast one, and the drain ends on the link.
     */
    @Test
    void aLinkCutAtRandomMomentsAtLeastTwentyTimesDuringOneDrainLosesAndRepeatsNothing() throws Exception {
        broker = Mosquitto.start(dir);
        hq = Hq.onH2(dir, broker.url());
        box = TestBox.start(config -> config);
        ring(box.api(), 4_000);
        box.stop();
        hq.startSink();
        Random random = new Random(7);
        int cutsWhileDraining = 0;
        try (CuttingProxy link = CuttingProxy.to(broker.port(), 48 * 1024)) {
            UplinkSettings throughTheLink = new UplinkSettings(BrokerSettings.plain(link.url()), Hq.STORE, Hq.SECRET)
                    .withTimings(Duration.ofSeconds(2), Duration.ofSeconds(1));
            box = TestBox.restart(box, config -> config.withRelay(throughTheLink));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (cutsWhileDraining < 25 && System.nanoTime() < deadline) {
                Thread.sleep(100 + random.nextInt(300));
                Reply relay = relay(box.api());
                if (relay.body().path("connected").asBoolean() && relay.number("backlog") > 0) {
                    link.cut();
                    cutsWhileDraining++;
                }
            }
            assertThat(cutsWhileDraining).as("cuts while entries were out").isEqualTo(25);
            awaitDelivered();
        }
        assertHqHoldsTheBoxsLedgerExactly();
    }

    @Test
    void aBoxStoppedMidDrainSendsOnFromHqsAckAfterItsRestart() throws Exception {
        broker = Mosquitto.start(dir);
        hq = Hq.onH2(dir, broker.url());
        box = TestBox.start(config -> config.withRelay(hq.uplink()));
        ring(box.api(), 5_000);
        hq.startSink();
        awaitUntil(() -> checked() > 0);
        box.stop();
        box = TestBox.restart(box);
        ring(box.api(), 100);
        awaitDelivered();
        assertHqHoldsTheBoxsLedgerExactly();
    }

    @Test
    void aBrokerThatSpeaksOnlyTlsAndWantsAPasswordCarriesTheLedgerWithTheRightOnes() throws Exception {
        TlsFiles tls = TlsFiles.make(dir, "store-s1", "s1-broker-password");
        broker = Mosquitto.startTls(dir, tls);
        BrokerSettings right = new BrokerSettings(broker.url(), Optional.of("store-s1"), Optional.of("s1-broker-password"),
                Optional.of(tls.caCertificate()));
        hq = new Hq("jdbc:h2:" + dir.resolve("hq").toAbsolutePath(), right);
        hq.startSink();
        BrokerSettings wrongPassword = new BrokerSettings(broker.url(), Optional.of("store-s1"), Optional.of("guess"),
                Optional.of(tls.caCertificate()));
        box = TestBox.start(config -> config.withRelay(new Hq("unused", wrongPassword).uplink()));
        ring(box.api(), 50);
        awaitUntil(() -> relay(box.api()).field("lastError").startsWith("cannot reach "));
        assertThat(relay(box.api()).body().path("connected").asBoolean()).isFalse();
        assertThat(hq.entries()).isEmpty();

        box.close();
        box = TestBox.start(config -> config.withRelay(hq.uplink()));
        ring(box.api(), 50);
        awaitDelivered();
        assertHqHoldsTheBoxsLedgerExactly();
    }

    @Test
    void oneOfTwoSinksOnPostgresqlStoppedMidDrainTheOtherCarriesOn() throws Exception {
        broker = Mosquitto.start(dir);
        postgres = new PostgresDatabase();
        hq = new Hq(postgres.url(), broker.url());
        HqSink first = hq.startSink();
        hq.startSink();
        box = TestBox.start(config -> config.withRelay(hq.uplink()));
        ring(box.api(), 5_000);
        awaitUntil(() -> checked() > 0);
        first.close();
        ring(box.api(), 500);
        awaitDelivered();
        assertHqHoldsTheBoxsLedgerExactly();
    }

    @Test
    void aBoxThatForgotHqsAckSendsEverythingAgainAndChangesNothing() throws Exception {
        broker = Mosquitto.start(dir);
        hq = Hq.onH2(dir, broker.url());
        hq.startSink();
        box = TestBox.start(config -> config.withRelay(hq.uplink()));
        ring(box.api(), 1_000);
        awaitDelivered();
        List<String> delivered = hq.entries();
        box.stop();
        try (Connection ledger = DriverManager.getConnection(LedgerDatabase.urlFor(box.dataDir()), "sa", "");
             Statement sql = ledger.createStatement()) {
            assertThat(sql.executeUpdate("UPDATE relay_state SET acked_seq = 0")).isEqualTo(1);
        }
        hq.forgetRetainedAck();
        long landedBefore = hq.batchesLanded();
        box = TestBox.restartUnattended(box);
        assertThat(box.box().relay().status().ackedSeq()).isZero();
        awaitUntil(() -> box.box().relay().status().ackedSeq() == box.headSeq());
        assertThat(hq.batchesLanded()).as("sent again from seq 1").isGreaterThan(landedBefore);
        assertThat(hq.entries()).isEqualTo(delivered);
        assertHqHoldsTheBoxsLedgerExactly();
    }

    private void awaitDelivered() throws InterruptedException {
        awaitUntil(() -> checked() == box.headSeq() && relay(box.api()).number("ackedSeq") == box.headSeq());
    }

    private long checked() {
        try {
            return hq.checkedSeq();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertHqHoldsTheBoxsLedgerExactly() throws SQLException {
        List<String> boxs = box.box().database().durableEntriesAfter(0, Integer.MAX_VALUE).stream()
                .map(entry -> entry.seq() + " " + entry.hash()).toList();
        assertThat(boxs).hasSize((int) box.headSeq());
        assertThat(hq.entries()).isEqualTo(boxs);
        assertThat(hq.checkedSeq()).isEqualTo(box.headSeq());
        assertThat(hq.strings("SELECT COUNT(*) FROM ledger_conflicts")).containsExactly("0");
        assertThat(hq.strings("SELECT forked_at_seq FROM store_heads")).containsExactly((String) null);
    }

    static Reply relay(Api api) {
        Reply reply = api.get("/api/v1/relay");
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    /** {@code count} sales from 8 tablets at once, each answered 201. */
    static void ring(Api api, int count) throws InterruptedException {
        String shift = api.openShift("r-" + System.nanoTime());
        String register = api.get("/api/v1/shifts/" + shift + "/report").field("registerId");
        try (ExecutorService tablets = Executors.newFixedThreadPool(8)) {
            IntStream.range(0, count).forEach(n -> tablets.submit(() -> {
                Reply sale = api.ringSale(Sales.twoLargeLattesWithExtraShot(register, shift));
                assertThat(sale.status()).as("sale %d: %s", n, sale).isEqualTo(201);
            }));
            tablets.shutdown();
            assertThat(tablets.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }
    }

    static void awaitUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within 90 s");
            }
            Thread.sleep(50);
        }
    }
}
