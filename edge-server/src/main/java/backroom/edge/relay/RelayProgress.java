package backroom.edge.relay;

import backroom.edge.access.Actor;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Problem;
import backroom.relay.uplink.UplinkProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The uplink's acked point and halt in {@code relay_state}, written through the ledger writer so
 * each is on disk before the uplink goes on. It appends no ledger entry: an ack is not a business
 * event, and an entry per ack would itself have to be sent. The acked point only moves up.
 */
final class RelayProgress implements UplinkProgress {

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    /** Read on every step of the uplink: kept here once read, and changed only through {@link #halt}. */
    private volatile Optional<String> halted;

    RelayProgress(Jdbi jdbi, LedgerWriter writer) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.halted = jdbi.withHandle(handle -> handle.createQuery("SELECT halted FROM relay_state WHERE id = 1")
                .map((rs, ctx) -> Optional.ofNullable(rs.getString(1))).one());
    }

    /** The store's secret as HQ last rotated it, if it ever did: it wins over the one from the environment. */
    Optional<String> storeSecret() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT store_secret FROM relay_state WHERE id = 1")
                .map((rs, ctx) -> Optional.ofNullable(rs.getString(1))).one());
    }

    @Override
    public long ackedSeq() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT acked_seq FROM relay_state WHERE id = 1").mapTo(Long.class).one());
    }

    @Override
    public void acked(long seq) {
        writer.submit((handle, ledger) -> handle.createUpdate("UPDATE relay_state SET acked_seq = :seq WHERE id = 1 AND acked_seq < :seq")
                .bind("seq", seq)
                .execute());
    }

    @Override
    public Optional<String> halted() {
        return halted;
    }

    /**
     * Clears the halt, with a {@code relay.resumed} entry saying who and what it was; 409 when the
     * relay is not halted.
     */
    void resume(Actor by) {
        writer.submit((handle, ledger) -> {
            String reason = handle.createQuery("SELECT halted FROM relay_state WHERE id = 1").mapTo(String.class).one();
            if (reason == null) {
                throw Problem.conflict("halted", "the relay is not halted: there is nothing to resume");
            }
            handle.createUpdate("UPDATE relay_state SET halted = NULL WHERE id = 1").execute();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("halted", reason);
            entry.put("by", by);
            return ledger.append("relay.resumed", entry);
        });
        halted = Optional.empty();
    }

    @Override
    public void halt(String reason) {
        writer.submit((handle, ledger) -> handle.createUpdate("UPDATE relay_state SET halted = :reason WHERE id = 1")
                .bind("reason", reason)
                .execute());
        halted = Optional.of(reason);
    }
}
