package backroom.relay.hq;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.relay.testing.PostgresDatabase;
import backroom.relay.wire.RelayAck;
import backroom.relay.wire.RelayBatch;
import backroom.relay.wire.StoreId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** HQ's landing of batches, on H2 and on PostgreSQL: each (store, seq) once, chain-checked, forks kept aside. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HqLedgerTest {

    private static final StoreId S1 = new StoreId("kopi", "s1");
    private static final StoreId S2 = new StoreId("kopi", "s2");
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;
    private final List<PostgresDatabase> postgres = new ArrayList<>();
    private int h2Databases;

    @BeforeAll
    void noneYet() {
        postgres.clear();
    }

    @AfterAll
    void dropPostgresDatabases() {
        postgres.forEach(PostgresDatabase::close);
    }

    Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private String url(String kind) {
        if (kind.equals("h2")) {
            return "jdbc:h2:" + dir.resolve("hq-" + h2Databases++).toAbsolutePath();
        }
        PostgresDatabase database = new PostgresDatabase();
        postgres.add(database);
        return database.url();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void batchesInOrderAreStoredOnceAndAckedUpToTheirLastEntry(String kind) throws SQLException {
        String url = url(kind);
        Chain chain = new Chain(300, "a");
        try (HqLedger hq = HqLedger.open(url)) {
            assertThat(hq.land(S1, chain.batch(1, 100), NOW)).isEqualTo(new RelayAck(100, chain.entry(100).hash(), null));
            assertThat(hq.land(S1, chain.batch(101, 300), NOW)).isEqualTo(new RelayAck(300, chain.entry(300).hash(), null));
            assertThat(hq.land(S1, chain.batch(1, 100), NOW)).as("a batch sent again").isEqualTo(new RelayAck(300, chain.entry(300).hash(), null));
        }
        assertThat(count(url, "SELECT COUNT(*) FROM ledger_entries")).isEqualTo(300);
        assertThat(count(url, "SELECT COUNT(DISTINCT seq) FROM ledger_entries WHERE franchise = 'kopi' AND store = 's1'")).isEqualTo(300);
        assertThat(count(url, "SELECT MIN(seq) FROM ledger_entries")).isEqualTo(1);
        assertThat(count(url, "SELECT MAX(seq) FROM ledger_entries")).isEqualTo(300);
        assertThat(count(url, "SELECT COUNT(*) FROM ledger_conflicts")).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchAfterAGapIsKeptButTheAckWaitsForTheGapToFill(String kind) throws SQLException {
        String url = url(kind);
        Chain chain = new Chain(30, "a");
        try (HqLedger hq = HqLedger.open(url)) {
            hq.land(S1, chain.batch(1, 10), NOW);
            assertThat(hq.land(S1, chain.batch(21, 30), NOW)).isEqualTo(new RelayAck(10, chain.entry(10).hash(), null));
            assertThat(hq.current(S1)).isEqualTo(new RelayAck(10, chain.entry(10).hash(), null));
            assertThat(hq.land(S1, chain.batch(11, 20), NOW)).as("the gap filled: the ack runs on through what was kept")
                    .isEqualTo(new RelayAck(30, chain.entry(30).hash(), null));
        }
        assertThat(count(url, "SELECT COUNT(*) FROM ledger_entries")).isEqualTo(30);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEntryWithAnotherHashIsKeptAsideAndTheStoreFlaggedNeverOverwritten(String kind) throws SQLException {
        String url = url(kind);
        Chain chain = new Chain(20, "a");
        Chain restored = chain.forkAfter(10, 15);
        try (HqLedger hq = HqLedger.open(url)) {
            hq.land(S1, chain.batch(1, 20), NOW);
            RelayAck ack = hq.land(S1, restored.batch(8, 15), NOW);
            assertThat(ack).isEqualTo(new RelayAck(20, chain.entry(20).hash(), 11L));
            assertThat(hq.land(S1, restored.batch(8, 15), NOW)).as("sent again").isEqualTo(ack);
        }
        assertThat(count(url, "SELECT COUNT(*) FROM ledger_entries")).isEqualTo(20);
        assertThat(strings(url, "SELECT hash FROM ledger_entries WHERE seq = 11")).containsExactly(chain.entry(11).hash());
        assertThat(strings(url, "SELECT seq || ' ' || hash FROM ledger_conflicts ORDER BY seq")).containsExactly(
                "11 " + restored.entry(11).hash(), "12 " + restored.entry(12).hash(), "13 " + restored.entry(13).hash(),
                "14 " + restored.entry(14).hash(), "15 " + restored.entry(15).hash());
        assertThat(strings(url, "SELECT forked_at_seq FROM store_heads")).containsExactly("11");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEntryThatBreaksTheChainStopsTheAckThereAndSaysWhy(String kind) throws SQLException {
        String url = url(kind);
        Chain chain = new Chain(10, "a");
        List<RelayBatch.Entry> entries = new ArrayList<>(chain.batch(1, 10).entries());
        RelayBatch.Entry sixth = entries.get(5);
        entries.set(5, new RelayBatch.Entry(6, sixth.type(), sixth.occurredAt(), "{\"n\":600}", sixth.prevHash(), sixth.hash()));
        try (HqLedger hq = HqLedger.open(url)) {
            RelayAck ack = hq.land(S1, new RelayBatch("kopi", "s1", 1, 10, entries), NOW);
            assertThat(ack).isEqualTo(new RelayAck(5, chain.entry(5).hash(), 6L));
        }
        assertThat(strings(url, "SELECT flaw FROM store_heads")).containsExactly("entry 6's hash does not match its columns");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesAreKeptApart(String kind) throws SQLException {
        String url = url(kind);
        Chain one = new Chain(5, "one");
        Chain two = new Chain(3, "two");
        try (HqLedger hq = HqLedger.open(url)) {
            hq.land(S1, one.batch(1, 5), NOW);
            RelayBatch twos = two.batch(1, 3);
            assertThat(hq.land(S2, new RelayBatch("kopi", "s2", 1, 3, twos.entries()), NOW))
                    .isEqualTo(new RelayAck(3, two.entry(3).hash(), null));
            assertThat(hq.current(S1)).isEqualTo(new RelayAck(5, one.entry(5).hash(), null));
        }
        assertThat(strings(url, "SELECT store || ' ' || COUNT(*) FROM ledger_entries GROUP BY store ORDER BY store"))
                .containsExactly("s1 5", "s2 3");
    }

    private static long count(String url, String sql) throws SQLException {
        return Long.parseLong(strings(url, sql).getFirst());
    }

    private static List<String> strings(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
