package backroom.edge.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The tables as a {@link TableAudit} reads them: rows as maps from lower-case column name to a
 * plain value (every whole number a {@code Long}, every time an {@code Instant}), so a row compares
 * with what an entry says without caring how the column was declared. Statements are prepared
 * once on the walk's connection: a walk asks a few of them per entry.
 */
public final class AuditedTables implements AutoCloseable {

    private final WriterStatements statements;

    AuditedTables(Handle handle) {
        this.statements = new WriterStatements(handle.getConnection());
    }

    public Optional<Map<String, Object>> row(String sql, Object... parameters) {
        return statements.queryOne(sql, AuditedTables::read, parameters);
    }

    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        List<Map<String, Object>> rows = new ArrayList<>();
        statements.queryEach(sql, rs -> rows.add(read(rs)), parameters);
        return rows;
    }

    public long count(String sql, Object... parameters) {
        return statements.queryOne(sql, rs -> rs.getLong(1), parameters).orElse(0L);
    }

    /** Lets go of the walk's prepared statements; the connection stays its owner's. */
    @Override
    public void close() {
        statements.close();
    }

    /** The value a column holds, as rows here give it. */
    static Object plain(Object value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case BigInteger b -> b.longValueExact();
            case BigDecimal d -> d.longValueExact();
            case OffsetDateTime t -> t.toInstant();
            case Timestamp t -> t.toInstant();
            case null, default -> value;
        };
    }

    private static Map<String, Object> read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i).toLowerCase(), plain(rs.getObject(i)));
        }
        return row;
    }
}
