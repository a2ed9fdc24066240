package backroom.edge.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table row as a ledger entry says it must be: {@code ExpectedRow.in("sales", "id 01a2...")
 * .column("grand_total", 69000).checkAgainst(tables.row(...), entry)} throws a
 * {@link TableDisagreement} naming the table, the row, the column, both values and the entry.
 */
public final class ExpectedRow {

    /**
     * How much earlier than its entry a row may be stamped, for times the payload does not carry:
     * before a write's time was fixed once for its rows and entries, a row took the clock a moment
     * before its entry did (a millisecond at most, here).
     */
    private static final Duration STAMPED_BEFORE_ITS_ENTRY = Duration.ofSeconds(1);

    private final String table;
    private final String row;
    private final Map<String, Object> columns = new LinkedHashMap<>();
    private final Map<String, Instant> stampedAtEntry = new LinkedHashMap<>();

    private ExpectedRow(String table, String row) {
        this.table = table;
        this.row = row;
    }

    /** A row of {@code table}, described for a reader by its key ({@code "id 01a2..."}). */
    public static ExpectedRow in(String table, String row) {
        return new ExpectedRow(table, row);
    }

    public ExpectedRow column(String name, Object value) {
        columns.put(name, AuditedTables.plain(value));
        return this;
    }

    /** A column taken from a payload field: whole numbers as longs, text as text, an ISO time as an instant when {@code time}. */
    public ExpectedRow column(String name, JsonNode field) {
        return column(name, fromJson(field));
    }

    public ExpectedRow time(String name, JsonNode field) {
        return column(name, field == null || field.isNull() || field.isMissingNode() ? null : Instant.parse(field.asText()));
    }

    /** A time the row took when its entry was written, which the payload does not repeat. */
    public ExpectedRow stampedAt(String name, Instant entryTime) {
        stampedAtEntry.put(name, entryTime);
        return this;
    }

    public void checkAgainst(Optional<Map<String, Object>> actual, LedgerEntry entry) {
        Map<String, Object> found = actual.orElseThrow(() -> new TableDisagreement(
                table + " has no row " + row + ", which " + said(entry) + " wrote"));
        columns.forEach((column, expected) -> {
            Object value = found.get(column);
            if (!Objects.equals(value, expected)) {
                throw disagreement(column, value, String.valueOf(expected), entry);
            }
        });
        stampedAtEntry.forEach((column, entryTime) -> {
            Object value = found.get(column);
            boolean matches = value instanceof Instant at && !at.isAfter(entryTime)
                    && at.isAfter(entryTime.minus(STAMPED_BEFORE_ITS_ENTRY));
            if (!matches) {
                throw disagreement(column, value, "the entry's own time, " + entryTime, entry);
            }
        });
    }

    private TableDisagreement disagreement(String column, Object value, String expected, LedgerEntry entry) {
        return new TableDisagreement(table + " row " + row + ": " + column + " is " + value + " but " + said(entry) + " says " + expected);
    }

    /** {@code ledger entry 42 (sale.completed)}. */
    public static String said(LedgerEntry entry) {
        return "ledger entry " + entry.seq() + " (" + entry.type() + ")";
    }

    private static Object fromJson(JsonNode field) {
        if (field == null || field.isNull() || field.isMissingNode()) {
            return null;
        }
        if (field.isIntegralNumber()) {
            return field.asLong();
        }
        if (field.isBoolean()) {
            return field.asBoolean();
        }
        return field.isTextual() ? field.asText() : field.toString();
    }
}
