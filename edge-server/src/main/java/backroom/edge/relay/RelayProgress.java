package backroom.edge.relay;

import backroom.edge.ledger.LedgerWriter;
import backroom.relay.uplink.UplinkProgress;
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

    @Override
    public void halt(String reason) {
        writer.submit((handle, ledger) -> handle.createUpdate("UPDATE relay_state SET halted = :reason WHERE id = 1")
                .bind("reason", reason)
                .execute());
        halted = Optional.of(reason);
    }
}
