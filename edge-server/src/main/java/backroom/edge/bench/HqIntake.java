package backroom.edge.bench;

import backroom.edge.ledger.LedgerDatabase;
import backroom.relay.hq.HqSink;
import backroom.relay.hq.StoreSecrets;
import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.uplink.Downlink;
import backroom.relay.uplink.Outbox;
import backroom.relay.uplink.Uplink;
import backroom.relay.uplink.UplinkProgress;
import backroom.relay.uplink.UplinkSettings;
import backroom.relay.wire.RelayBatch;
import backroom.relay.wire.StoreId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * HQ intake from many stores at once: {@code stores} uplinks, each sending the first
 * {@code perStore} entries of a real ledger as its own store's (the same chain, checked per store),
 * into two HQ sinks on one PostgreSQL database of its own, made and dropped here. The baseline: the
 * same rows inserted into the same database by plain JDBC batches, on one connection.
 */
final class HqIntake {

    private static final String SECRET = "bench-store-secret-0123456789";

    /** What one run measured, in entries per second. */
    record Result(long entries, double relayPerSecond, double relaySeconds, double baselinePerSecond) {
    }

    private HqIntake() {
    }

    static Result measure(Path ledgerDir, String brokerUrl, String postgresUrl, int stores, int perStore) throws Exception {
        List<RelayBatch.Entry> entries = firstEntries(ledgerDir, perStore);
        String database = "backroom_bench_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(postgresUrl); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
            try {
                String url = withDatabase(postgresUrl, database);
                double baseline = baseline(url, entries, stores);
                return relay(url, brokerUrl, entries, stores, baseline);
            } finally {
                sql.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }

    private static Result relay(String url, String brokerUrl, List<RelayBatch.Entry> entries, int stores, double baseline)
            throws Exception {
        BrokerSettings broker = BrokerSettings.plain(brokerUrl);
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < stores; s++) {
            lines.add(store(s) + " " + SECRET);
        }
        StoreSecrets secrets = StoreSecrets.parse(lines, "bench");
        List<Uplink> uplinks = new ArrayList<>();
        try (HqSink first = HqSink.start(broker, secrets, url, Clock.systemUTC());
             HqSink second = HqSink.start(broker, secrets, url, Clock.systemUTC())) {
            long start = System.nanoTime();
            for (int s = 0; s < stores; s++) {
                uplinks.add(Uplink.create(new UplinkSettings(broker, store(s), SECRET), new ListOutbox(entries), new MemoryProgress(),
                        Downlink.NONE, Clock.systemUTC(), "bench-" + store(s).store()).start());
            }
            awaitAllChecked(url, stores, entries.size());
            double seconds = (System.nanoTime() - start) / 1e9;
            long total = (long) stores * entries.size();
            return new Result(total, total / seconds, seconds, baseline);
        } finally {
            uplinks.forEach(Uplink::close);
        }
    }

    private static double baseline(String url, List<RelayBatch.Entry> entries, int stores) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE baseline_entries (franchise VARCHAR(64), store VARCHAR(64), seq BIGINT, type VARCHAR(100),
                        occurred_at VARCHAR(40), payload TEXT, hash VARCHAR(64), prev_hash VARCHAR(64),
                        PRIMARY KEY (franchise, store, seq))""");
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO baseline_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int s = 0; s < stores; s++) {
                    for (RelayBatch.Entry entry : entries) {
                        insert.setString(1, "intake");
                        insert.setString(2, store(s).store());
                        insert.setLong(3, entry.seq());
                        insert.setString(4, entry.type());
                        insert.setString(5, entry.occurredAt());
                        insert.setString(6, entry.payload());
                        insert.setString(7, entry.hash());
                        insert.setString(8, entry.prevHash());
                        insert.addBatch();
                        if (entry.seq() % 1_000 == 0) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return (double) stores * entries.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void awaitAllChecked(String url, int stores, long head) throws SQLException, InterruptedException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            while (true) {
                try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM store_heads WHERE checked_seq >= " + head)) {
                    if (row.next() && row.getLong(1) >= stores) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    private static List<RelayBatch.Entry> firstEntries(Path ledgerDir, int count) {
        try (Handle ledger = Jdbi.open(LedgerDatabase.readOnlyUrlFor(ledgerDir), "sa", "")) {
            return ledger.createQuery("SELECT seq, type, occurred_at, payload, prev_hash, hash FROM ledger WHERE seq <= :count ORDER BY seq")
                    .bind("count", count)
                    .map((rs, ctx) -> new RelayBatch.Entry(rs.getLong(1), rs.getString(2),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant().toString(), rs.getString(4), rs.getString(5),
                            rs.getString(6)))
                    .list();
        }
    }

    /** A franchise of its own: the main drain's store keeps its retained ack at the same broker. */
    private static StoreId store(int n) {
        return new StoreId("intake", "store-" + n);
    }

    /** {@code jdbc:postgresql://host:port/postgres?user=x} with another database. */
    private static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    /** A store's whole ledger, already on disk. */
    private record ListOutbox(List<RelayBatch.Entry> entries) implements Outbox {
        @Override
        public long headSeq() {
            return entries.size();
        }

        @Override
        public List<RelayBatch.Entry> after(long seq, int limit) {
            return entries.subList((int) Math.min(seq, entries.size()), (int) Math.min(seq + limit, entries.size()));
        }

        @Override
        public Optional<String> hashAt(long seq) {
            return seq < 1 || seq > entries.size() ? Optional.empty() : Optional.of(entries.get((int) seq - 1).hash());
        }
    }

    /** The acked point in memory: a bench store never restarts. */
    private static final class MemoryProgress implements UplinkProgress {
        private volatile long acked;

        @Override
        public long ackedSeq() {
            return acked;
        }

        @Override
        public void acked(long seq) {
            acked = Math.max(acked, seq);
        }

        @Override
        public Optional<String> halted() {
            return Optional.empty();
        }

        @Override
        public void halt(String reason) {
            throw new IllegalStateException("a bench store halted: " + reason);
        }
    }
}
