package backroom.edge.shifts;

import backroom.edge.access.Actor;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;
import backroom.edge.web.Problem;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The shift table: reads, and the open/close writes that run on the ledger writer. */
public final class Shifts {

    private Shifts() {
    }

    /** The newest 100 shifts, of one register and in one status if given. */
    static List<Shift> search(Handle handle, String registerId, String status) {
        return handle.createQuery("""
                        SELECT id FROM shifts
                        WHERE (:register IS NULL OR register_id = :register)
                          AND (:status IS NULL OR (closed_at IS NULL) = (:status = 'open'))
                        ORDER BY opened_at DESC LIMIT 100""")
                .bind("register", registerId)
                .bind("status", status)
                .mapTo(String.class)
                .list()
                .stream()
                .map(id -> find(handle, id).orElseThrow())
                .toList();
    }

    public static Optional<Shift> find(Handle handle, String shiftId) {
        return handle.createQuery("""
                        SELECT id, register_id, opening_float, opened_at, closed_at, counted_cash, expected_cash
                        FROM shifts WHERE id = :id""")
                .bind("id", shiftId)
                .map((rs, ctx) -> {
                    OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
                    return new Shift(
                            rs.getString("id"),
                            rs.getString("register_id"),
                            closed == null ? "open" : "closed",
                            rs.getLong("opening_float"),
                            rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                            closed == null ? null : closed.toInstant(),
                            rs.getObject("counted_cash", Long.class),
                            rs.getObject("expected_cash", Long.class));
                })
                .findOne();
    }

    /** Refuses unless {@code shiftId} is open on {@code registerId}. Runs on the ledger writer for every sale. */
    public static void requireOpen(WriterStatements statements, String shiftId, String registerId) {
        ShiftState shift = statements.queryOne("SELECT register_id, closed_at IS NULL FROM shifts WHERE id = ?",
                        rs -> new ShiftState(rs.getString(1), rs.getBoolean(2)), shiftId)
                .orElseThrow(() -> Problem.invalid("shiftId", "shift " + shiftId + " does not exist"));
        if (!shift.open()) {
            throw Problem.conflict("shiftId", "shift " + shiftId + " is closed");
        }
        if (!shift.registerId().equals(registerId)) {
            throw Problem.conflict("shiftId", "shift " + shiftId + " belongs to register " + shift.registerId());
        }
    }

    private record ShiftState(String registerId, boolean open) {
    }

    /** The shift open on {@code registerId} now, if any. */
    public static Optional<String> openOn(Handle handle, String registerId) {
        return handle.createQuery("SELECT id FROM shifts WHERE open_register = :register")
                .bind("register", registerId)
                .mapTo(String.class)
                .findOne();
    }

    /** The shift, refusing one that does not exist (404 if {@code inPath}, else 422 naming {@code field}) or is closed (409). */
    public static Shift requireOpen(Handle handle, String shiftId, String field, boolean inPath) {
        Shift shift = find(handle, shiftId).orElseThrow(() -> inPath
                ? Problem.notFound("shift " + shiftId)
                : Problem.invalid(field, "shift " + shiftId + " does not exist"));
        if (!shift.isOpen()) {
            throw Problem.conflict(field, "shift " + shiftId + " is closed");
        }
        return shift;
    }

    static Shift open(Handle handle, LedgerAppender ledger, String shiftId, String registerId, long openingFloat, Actor by) {
        boolean busy = handle.createQuery("SELECT COUNT(*) FROM shifts WHERE open_register = :register")
                .bind("register", registerId)
                .mapTo(Integer.class)
                .one() > 0;
        if (busy) {
            throw Problem.conflict("registerId", "register " + registerId + " already has an open shift");
        }
        insertOpened(handle, shiftId, registerId, openingFloat, ledger.now());
        ledger.append("shift.opened", Map.of("shiftId", shiftId, "registerId", registerId, "openingFloat", openingFloat, "by", by));
        return find(handle, shiftId).orElseThrow();
    }

    /** The row of a shift opened at {@code at}, holding its register until it closes: {@code shift.opened}'s row. */
    static void insertOpened(Handle handle, String shiftId, String registerId, long openingFloat, Instant at) {
        handle.createUpdate("""
                        INSERT INTO shifts (id, register_id, open_register, opening_float, opened_at)
                        VALUES (:id, :register, :register, :float, :at)""")
                .bind("id", shiftId)
                .bind("register", registerId)
                .bind("float", openingFloat)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    static ShiftReport close(Handle handle, LedgerAppender ledger, String shiftId, long countedCash, Actor by) {
        Shift shift = find(handle, shiftId).orElseThrow(() -> Problem.notFound("shift " + shiftId));
        if (!shift.isOpen()) {
            throw Problem.conflict("shiftId", "shift " + shiftId + " is already closed");
        }
        ShiftReport open = ShiftReports.report(handle, shift);
        markClosed(handle, shiftId, ledger.now(), countedCash, open.expectedCash());
        ShiftReport z = ShiftReports.report(handle, find(handle, shiftId).orElseThrow());
        Map<String, Object> entry = Json.MAPPER.convertValue(z, new TypeReference<LinkedHashMap<String, Object>>() { });
        entry.put("by", by);
        ledger.append("shift.closed", entry);
        return z;
    }

    /** A shift closed at {@code at} with its cash counted, freeing its register: {@code shift.closed}'s row. */
    static void markClosed(Handle handle, String shiftId, Instant at, long countedCash, long expectedCash) {
        handle.createUpdate("""
                        UPDATE shifts SET open_register = NULL, closed_at = :at, counted_cash = :counted,
                            expected_cash = :expected
                        WHERE id = :id""")
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("counted", countedCash)
                .bind("expected", expectedCash)
                .bind("id", shiftId)
                .execute();
    }
}
