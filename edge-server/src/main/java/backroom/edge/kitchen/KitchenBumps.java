package backroom.edge.kitchen;

import backroom.edge.access.AccessGate;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Problem;

/** A bump a screen sends over its live socket instead of HTTP: the same write, the same rules. */
public final class KitchenBumps {

    private final LedgerWriter writer;

    public KitchenBumps(LedgerWriter writer) {
        this.writer = writer;
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
