package backroom.edge.checks;

import backroom.edge.access.Actor;
import backroom.edge.sales.SaleLine;
import java.time.Instant;
import java.util.List;

/**
 * The {@code check.*} ledger entries, one record each: what the live write appends and what
 * {@link ChecksReplay} and {@link ChecksAudit} read back. Each carries everything its rows hold.
 */
final class CheckEntries {

    static final String OPENED = "check.opened";
    static final String ROUND_ADDED = "check.round_added";
    static final String MOVED = "check.moved";
    static final String MERGED = "check.merged";
    static final String SPLIT = "check.split";
    static final String PART_PAID = "check.part_paid";
    static final String CLOSED = "check.closed";
    static final String DISCOUNTED = "check.discounted";
    static final String PRICE_OVERRIDDEN = "check.price_overridden";

    private CheckEntries() {
    }

    /** A check opened on a table (which it then holds), or as a named tab. */
    record Opened(String checkId, String tableId, String name, String orderType, Integer guests, Actor by) {
    }

    /**
     * A round's lines taken; its stock moves and kitchen ticket go by {@code roundId}; {@code totals}
     * is what the whole check comes to after it. Any unpaid split is undone.
     */
    record RoundAdded(String checkId, int roundNo, String roundId, Instant takenAt, List<SaleLine> lines, CheckTotals totals, Actor by) {
    }

    /** The check moved from one table (let go) to another (held). */
    record Moved(String checkId, String fromTableId, String tableId, Actor by) {
    }

    /** Another check's lines moved in, renumbered; that check closed as merged, its table let go. */
    record Merged(String checkId, String fromCheckId, String fromTableId, List<SaleLine> lines, CheckTotals totals, Actor by) {
    }

    /** How the check is to be paid: its parts, each part's share of every total. */
    record Split(String checkId, String splitBy, List<Check.Part> parts, Actor by) {
    }

    /** One part paid by sale {@code saleId} (whose own entry comes before this one, in the same write). */
    record PartPaid(String checkId, int partNo, String saleId, String receiptNumber, long grandTotal, Actor by) {
    }

    /**
     * The check's discount set (a fixed amount or a percentage), or taken off (neither), with who
     * gave it and why; {@code totals} is what the check comes to after it. Any unpaid split is undone.
     */
    record Discounted(String checkId, Long amount, Integer percentBp, String reason, CheckTotals totals, Actor by) {
    }

    /** A line's unit price set by a supervisor, its total after it, and the check's. Any unpaid split is undone. */
    record PriceOverridden(String checkId, int lineNo, long unitPrice, long lineTotal, String reason, CheckTotals totals, Actor by) {
    }

    /** Every part paid: the check is closed and its table let go. */
    record Closed(String checkId, String tableId, long grandTotal, Actor by) {
    }
}
