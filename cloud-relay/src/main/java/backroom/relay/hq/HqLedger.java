package backroom.relay.hq;

import backroom.relay.wire.LedgerPage;
import backroom.relay.wire.LedgerRequest;
import backroom.relay.wire.RelayAck;
import backroom.relay.wire.RelayBatch;
import backroom.relay.wire.StoreId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Lands batches in HQ's database, one transaction each: stores every entry it does not hold yet,
 * keeps an entry whose seq it holds with another hash aside as a fork, then moves the store's
 * checked point up along the hash chain as far as the entries run without a gap. Any number of
 * sinks may land batches of the same store at once: each transaction first locks the store's row
 * in {@code store_heads}. One instance holds one connection and is used by one thread.
 */
public final class HqLedger implements AutoCloseable {

    private static final int WALK_PAGE = 5_000;
    /**
     * A page of a store's ledger carries payloads of at most this many characters (but always one
     * entry): a page of large catalog imports stays far below the broker's message limit and the
     * box's cap on what a page may inflate to; a page of 1,000 sales is far below it.
     */
    static final int PAGE_PAYLOAD_CHARS = 4 * 1024 * 1024;

    private final String url;
    private Connection connection;

    private HqLedger(String url) throws SQLException {
        this.url = url;
        this.connection = connect(url);
    }

    /** Opens {@code jdbcUrl} (H2 or PostgreSQL) and makes HQ's tables if they are not there. */
    public static HqLedger open(String jdbcUrl) throws SQLException {
        HqLedger ledger = new HqLedger(jdbcUrl);
        try {
            HqTables.create(ledger.connection);
        } catch (SQLException firstTry) {
            // Two sinks starting at once on PostgreSQL may race to create the same table: the second try sees it.
            HqTables.create(ledger.connection);
        }
        return ledger;
    }

    private static Connection connect(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connection.setAutoCommit(true);
        return connection;
    }

    /** Stores {@code batch} from {@code store} and answers what HQ now holds of that store. */
    public RelayAck land(StoreId store, RelayBatch batch, Instant receivedAt) throws SQLException {
        reconnectIfLost();
        ensureHeadRow(store, receivedAt);
        connection.setAutoCommit(false);
        try {
            StoreHead head = lockHead(store);
            Map<Long, String> held = hashesHeld(store, batch.fromSeq(), batch.toSeq());
            List<RelayBatch.Entry> fresh = new ArrayList<>();
            List<RelayBatch.Entry> forks = new ArrayList<>();
            NavigableMap<Long, RelayBatch.Entry> accepted = new TreeMap<>();
            for (RelayBatch.Entry entry : batch.entries()) {
                String heldHash = held.get(entry.seq());
                if (heldHash == null) {
                    fresh.add(entry);
                    accepted.put(entry.seq(), entry);
                } else if (heldHash.equals(entry.hash())) {
                    accepted.put(entry.seq(), entry);
                } else {
                    forks.add(entry);
                }
            }
            insert("ledger_entries", store, fresh, receivedAt);
            insert("ledger_conflicts", store, newForks(store, forks), receivedAt);
            StoreHead moved = walk(store, head.withFork(forks.isEmpty() ? null : forks.getFirst().seq()), accepted);
            saveHead(store, moved, receivedAt);
            connection.commit();
            return new RelayAck(moved.checkedSeq(), moved.checkedHash(), moved.forkedAtSeq());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** What HQ holds of {@code store} now, without landing anything. */
    public RelayAck current(StoreId store) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT checked_seq, checked_hash, forked_at_seq, flaw FROM store_heads WHERE franchise = ? AND store = ?")) {
            bindStore(select, store);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new RelayAck(0, ChainLink.GENESIS, null);
                }
                StoreHead head = StoreHead.of(row);
                return new RelayAck(head.checkedSeq(), head.checkedHash(), head.forkedAtSeq());
            }
        }
    }

    /**
     * The entries of {@code store} after {@code afterSeq}, at most {@code maxEntries} (and never more
     * than {@link LedgerRequest#MAX_ENTRIES}), and never past what HQ holds chain-checked: a box
     * rebuilding its ledger takes back only what HQ checked.
     */
    public LedgerPage page(StoreId store, String requestId, long afterSeq, int maxEntries) throws SQLException {
        reconnectIfLost();
        RelayAck held = current(store);
        long room = Math.min(Math.min(maxEntries, LedgerRequest.MAX_ENTRIES), held.ackedSeq() - afterSeq);
        List<RelayBatch.Entry> entries = room <= 0 ? List.of() : withinPageBytes(entriesAfter(store, afterSeq, (int) room));
        return new LedgerPage(requestId, held.ackedSeq(), held.ackedHash(), held.forkedAtSeq(), entries);
    }

    /** The first of {@code entries} whose payloads add up to no more than {@link #PAGE_PAYLOAD_CHARS}, and at least one. */
    static List<RelayBatch.Entry> withinPageBytes(List<RelayBatch.Entry> entries) {
        long chars = 0;
        for (int i = 0; i < entries.size(); i++) {
            chars += entries.get(i).payload().length();
            if (chars > PAGE_PAYLOAD_CHARS && i > 0) {
                return entries.subList(0, i);
            }
        }
        return entries;
    }

    private void reconnectIfLost() throws SQLException {
        if (connection.isClosed() || !connection.isValid(2)) {
            connection = connect(url);
        }
    }

    private void ensureHeadRow(StoreId store, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM store_heads WHERE franchise = ? AND store = ?")) {
            bindStore(select, store);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO store_heads (franchise, store, checked_seq, checked_hash, updated_at) VALUES (?, ?, 0, ?, ?)")) {
            bindStore(insert, store);
            insert.setString(3, ChainLink.GENESIS);
            insert.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            // another sink made the row first: the lock below waits for it
        }
    }

    private StoreHead lockHead(StoreId store) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT checked_seq, checked_hash, forked_at_seq, flaw FROM store_heads WHERE franchise = ? AND store = ? FOR UPDATE")) {
            bindStore(select, store);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the head row of " + store + " vanished");
                }
                return StoreHead.of(row);
            }
        }
    }

    private Map<Long, String> hashesHeld(StoreId store, long fromSeq, long toSeq) throws SQLException {
        Map<Long, String> held = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, hash FROM ledger_entries WHERE franchise = ? AND store = ? AND seq BETWEEN ? AND ?")) {
            bindStore(select, store);
            select.setLong(3, fromSeq);
            select.setLong(4, toSeq);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    held.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return held;
    }

    /** The forks not kept aside already: a resent forked batch adds nothing. */
    private List<RelayBatch.Entry> newForks(StoreId store, List<RelayBatch.Entry> forks) throws SQLException {
        List<RelayBatch.Entry> fresh = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM ledger_conflicts WHERE franchise = ? AND store = ? AND seq = ? AND hash = ?")) {
            for (RelayBatch.Entry fork : forks) {
                bindStore(select, store);
                select.setLong(3, fork.seq());
                select.setString(4, fork.hash());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        fresh.add(fork);
                    }
                }
            }
        }
        return fresh;
    }

    private void insert(String table, StoreId store, List<RelayBatch.Entry> entries, Instant receivedAt) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (franchise, store, seq, type, occurred_at, payload, hash, prev_hash, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime received = OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
            for (RelayBatch.Entry entry : entries) {
                bindStore(insert, store);
                insert.setLong(3, entry.seq());
                insert.setString(4, entry.type());
                insert.setObject(5, OffsetDateTime.ofInstant(Instant.parse(entry.occurredAt()), ZoneOffset.UTC));
                insert.setString(6, entry.payload());
                insert.setString(7, entry.hash());
                insert.setString(8, entry.prevHash());
                insert.setObject(9, received);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Moves the checked point up: first through this batch's entries, then through entries that
     * earlier batches left beyond a gap. Stops at a gap, or at the first entry that breaks the chain.
     */
    private StoreHead walk(StoreId store, StoreHead head, NavigableMap<Long, RelayBatch.Entry> accepted) throws SQLException {
        StoreHead moved = head;
        while (moved.flaw() == null) {
            RelayBatch.Entry next = accepted.get(moved.checkedSeq() + 1);
            if (next == null) {
                List<RelayBatch.Entry> stored = storedAfter(store, moved.checkedSeq());
                if (stored.isEmpty() || stored.getFirst().seq() != moved.checkedSeq() + 1) {
                    return moved;
                }
                stored.forEach(entry -> accepted.put(entry.seq(), entry));
                continue;
            }
            moved = moved.next(next, ChainLink.flaw(next, moved.checkedHash()));
        }
        return moved;
    }

    private List<RelayBatch.Entry> storedAfter(StoreId store, long seq) throws SQLException {
        return entriesAfter(store, seq, WALK_PAGE);
    }

    /** Up to {@code limit} entries held after {@code seq}, in seq order, as far as they run without a gap. */
    private List<RelayBatch.Entry> entriesAfter(StoreId store, long seq, int limit) throws SQLException {
        List<RelayBatch.Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT seq, type, occurred_at, payload, prev_hash, hash FROM ledger_entries
                WHERE franchise = ? AND store = ? AND seq > ? ORDER BY seq LIMIT ?""")) {
            bindStore(select, store);
            select.setLong(3, seq);
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                long expected = seq + 1;
                while (rows.next() && rows.getLong(1) == expected++) {
                    entries.add(new RelayBatch.Entry(rows.getLong(1), rows.getString(2),
                            rows.getObject(3, OffsetDateTime.class).toInstant().toString(), rows.getString(4), rows.getString(5),
                            rows.getString(6)));
                }
            }
        }
        return entries;
    }

    private void saveHead(StoreId store, StoreHead head, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE store_heads SET checked_seq = ?, checked_hash = ?, forked_at_seq = ?, flaw = ?, updated_at = ?
                WHERE franchise = ? AND store = ?""")) {
            update.setLong(1, head.checkedSeq());
            update.setString(2, head.checkedHash());
            update.setObject(3, head.forkedAtSeq());
            update.setString(4, head.flaw());
            update.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setString(6, store.franchise());
            update.setString(7, store.store());
            update.executeUpdate();
        }
    }

    private static void bindStore(PreparedStatement statement, StoreId store) throws SQLException {
        statement.setString(1, store.franchise());
        statement.setString(2, store.store());
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
