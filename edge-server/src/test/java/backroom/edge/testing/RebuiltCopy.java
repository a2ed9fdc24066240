package backroom.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRebuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A stopped box's ledger rebuilt from its entries alone into a fresh folder, as a box whose disk
 * died is rebuilt from HQ's copy ({@link LedgerRebuild} with {@link Box#tableReplays()}), and its
 * tables held to the original's row for row.
 */
public final class RebuiltCopy {

    /** Small pages, so that what a replay keeps from one entry to the next is carried across pages too. */
    private static final int PAGE = 7;

    private RebuiltCopy() {
    }

    /** Rebuilds the ledger of the stopped box in {@code dataDir} into a new folder, which it returns. */
    public static Path of(Path dataDir) {
        Path folder;
        try {
            folder = Files.createTempDirectory("backroom-rebuilt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LedgerEntry> entries = entries(dataDir);
        try (LedgerRebuild rebuild = LedgerRebuild.into(folder, Box.tableReplays())) {
            for (int from = 0; from < entries.size(); from += PAGE) {
                rebuild.add(entries.subList(from, Math.min(entries.size(), from + PAGE)));
            }
            rebuild.finish();
        }
        return folder;
    }

    /** Every entry of the stopped box in {@code dataDir}, in seq order. */
    public static List<LedgerEntry> entries(Path dataDir) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            return handle.createQuery("SELECT seq, type, occurred_at, payload, prev_hash, hash FROM ledger ORDER BY seq")
                    .map((rs, ctx) -> new LedgerEntry(rs.getLong("seq"), rs.getString("type"),
                            rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("payload"),
                            rs.getString("prev_hash"), rs.getString("hash")))
                    .list();
        }
    }

    /**
     * Asserts that {@code table} holds the same rows in both stopped boxes' folders, every column
     * but {@code notCarried} (what no entry carries, such as a PIN hash), and that it is not empty:
     * a comparison of two empty tables proves nothing.
     */
    public static void assertSameRows(Path original, Path rebuilt, String table, Set<String> notCarried) {
        List<Map<String, String>> expected = rows(original, table, notCarried);
        assertThat(expected).as("the original box's %s (the test must fill it)", table).isNotEmpty();
        assertThat(rows(rebuilt, table, notCarried)).as("%s rebuilt from the ledger", table).isEqualTo(expected);
    }

    /** Asserts that {@code table} is empty in the rebuilt folder: what no entry carries is not made up. */
    public static void assertEmpty(Path rebuilt, String table) {
        assertThat(rows(rebuilt, table, Set.of())).as("%s in a rebuilt box", table).isEmpty();
    }

    /** The rows of {@code table}, every column but {@code leftOut}, as text, sorted by every column. */
    public static List<Map<String, String>> rows(Path dataDir, String table, Set<String> leftOut) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            int columns = handle.createQuery("SELECT * FROM " + table + " WHERE 1 = 0")
                    .scanResultSet((supplier, ctx) -> {
                        try (ResultSet rs = supplier.get()) {
                            return rs.getMetaData().getColumnCount();
                        }
                    });
            String order = IntStream.rangeClosed(1, columns).mapToObj(String::valueOf).collect(Collectors.joining(", "));
            return handle.createQuery("SELECT * FROM " + table + " ORDER BY " + order)
                    .map((rs, ctx) -> row(rs, leftOut))
                    .list();
        }
    }

    private static Map<String, String> row(ResultSet rs, Set<String> leftOut) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase();
            if (!leftOut.contains(column)) {
                row.put(column, rs.getString(i));
            }
        }
        return row;
    }

    /** The names of every table in a stopped box's folder but the ledger's own bookkeeping. */
    public static List<String> tables(Path dataDir) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            return new ArrayList<>(handle.createQuery("""
                            SELECT LOWER(table_name) FROM information_schema.tables
                            WHERE table_schema = 'PUBLIC' ORDER BY 1""")
                    .mapTo(String.class).list());
        }
    }
}
