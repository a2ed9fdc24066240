package backroom.edge.kitchen;

import backroom.edge.access.AccessGate;
import backroom.edge.access.Actor;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Problem;
import java.util.List;

/**
 * Bumps from outside HTTP: a screen's over its live socket, a bump bar's on the box; the same
 * writes, the same rules.
 */
public final class KitchenBumps {

    private final LedgerWriter writer;

    public KitchenBumps(LedgerWriter writer) {
        this.writer = writer;
    }

    /**
     * Bumps the {@code nth} order the station's screen shows (as {@code GET /api/v1/orders?station=}
     * lists them: rushed first, then oldest), as a bump bar's key does; 409 when it shows fewer.
     */
    public void bumpNth(String station, int nth, Actor by) {
        writer.submit((handle, ledger) -> {
            List<KitchenOrder> shown = KitchenRows.list(handle, station, KitchenRows.ON_SCREEN);
            if (nth < 1 || nth > shown.size()) {
                throw Problem.conflict("nth", "station " + station + " shows " + shown.size() + " orders, not " + nth);
            }
            return KitchenMoves.bump(handle, ledger, shown.get(nth - 1).orderId(), station, by);
        });
    }

    /** Takes the station's last bump back, as a bump bar's recall key does. */
    public void recall(String station, Actor by) {
        writer.submit((handle, ledger) -> KitchenMoves.recall(handle, ledger, station, by));
    }

    /**
     * Bumps the order as {@code caller} may; returns the seq of the entry the bump wrote, on disk
     * by then. Throws the problem an HTTP bump would get: 403 without BUMP_ORDERS, 404, 409, 422.
     */
    public long bump(Caller caller, String orderId, String station) {
        if (!caller.may(Permission.BUMP_ORDERS)) {
            throw AccessGate.forbidden(caller, Permission.BUMP_ORDERS);
        }
        if (orderId == null || orderId.isBlank()) {
            throw Problem.invalid("orderId", "is required");
        }
        String at = station == null ? null : KitchenService.station("station", station);
        return writer.submit((handle, ledger) -> {
            long seq = ledger.nextSeq();
            KitchenMoves.bump(handle, ledger, orderId, at, caller.actor());
            return seq;
        });
    }
}
