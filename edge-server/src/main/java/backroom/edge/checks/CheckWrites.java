package backroom.edge.checks;

import backroom.edge.access.Actor;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.catalog.PriceList;
import backroom.edge.ingredients.IngredientStock;
import backroom.edge.kitchen.KitchenWrites;
import backroom.edge.kitchen.TableHolds;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.printing.PrintQueue;
import backroom.edge.sales.LaterPayments;
import backroom.edge.sales.SaleLine;
import backroom.edge.sales.SaleLines;
import backroom.edge.stock.StockLevels;
import backroom.edge.stock.StockLevels.StockMove;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * An open check's life before it is paid, each change one write on the ledger writer with its
 * {@code check.*} entry: opened on a table it then holds; a round's lines priced, their stock taken
 * and sent to the kitchen as a ticket of their own; moved to another table; another check merged
 * in. A round or a merge undoes a split not yet paid into; once a part is paid the check takes no
 * more items.
 */
final class CheckWrites {

    private final CurrentPriceList prices;
    private final PrintQueue printing;

    CheckWrites(CurrentPriceList prices, PrintQueue printing) {
        this.prices = prices;
        this.printing = printing;
    }

    Check open(Handle handle, LedgerAppender ledger, String checkId, CheckRequests.Open request, Actor by) {
        String tableId = request.table();
        var opened = new CheckRows.Opened(checkId, tableId, request.tabName(), request.orderTypeOrDineIn(), request.guests());
        CheckRows.open(ledger.statements(), opened, ledger.nextSeq(), ledger.now(), by);
        long seq = ledger.append(CheckEntries.OPENED, new CheckEntries.Opened(checkId, opened.tableId(), opened.name(), opened.orderType(),
                opened.guests(), by));
        if (tableId != null) {
            TableHolds.hold(handle, ledger, tableId, checkId, seq, "tableId");
        }
        return find(handle, checkId);
    }

    /** The round's lines on the check, their stock taken under the round's id, and its kitchen ticket. */
    Check addRound(Handle handle, LedgerAppender ledger, String checkId, CheckRequests.Round request, Actor by) {
        Check check = requireTakingItems(handle, checkId, "items");
        PriceList priceList = prices.in(handle, ledger.statements());
        SaleLines priced = LaterPayments.price(priceList, request.items(), check.lines().size() + 1);
        int roundNo = check.rounds() + 1;
        String roundId = checkId + "-" + roundNo;
        List<SaleLine> lines = priced.lines();
        IngredientStock.use(ledger, roundId, SaleLines.sold(lines));
        long seq = ledger.nextSeq();
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            if (priced.stockTracked().contains(line.productId())) {
                StockLevels.move(ledger.statements(), new StockMove(line.productId(), -line.quantity(), "sale", roundId, seq, ledger.now()),
                        "items[" + i + "].quantity");
            }
        }
        CheckTotals totals = totalsOf(concat(check.lines(), lines), check.discount(), priceList);
        CheckRows.addLines(ledger.statements(), checkId, lines, Collections.nCopies(lines.size(), roundNo), totals);
        CheckRows.countRound(ledger.statements(), checkId, roundNo);
        ledger.append(CheckEntries.ROUND_ADDED, new CheckEntries.RoundAdded(checkId, roundNo, roundId, ledger.now(), lines, totals, by));
        KitchenWrites.send(handle, ledger, LaterPayments.kitchenTicket(roundId, check.orderType(), check.tableId(), lines, priceList), by,
                printing);
        return find(handle, checkId);
    }

    Check move(Handle handle, LedgerAppender ledger, String checkId, String tableId, Actor by) {
        Check check = requireOpen(handle, checkId);
        if (tableId.equals(check.tableId())) {
            return check;
        }
        CheckRows.moveTo(ledger.statements(), checkId, tableId);
        long seq = ledger.append(CheckEntries.MOVED, new CheckEntries.Moved(checkId, check.tableId(), tableId, by));
        TableHolds.release(handle, ledger, check.tableId(), checkId);
        TableHolds.hold(handle, ledger, tableId, checkId, seq, "tableId");
        return find(handle, checkId);
    }

    /** The other check's lines come over, numbered after this one's; it is closed as merged and lets its table go. */
    Check merge(Handle handle, LedgerAppender ledger, String checkId, String fromCheckId, Actor by) {
        Check from = CheckRows.find(handle, fromCheckId).orElseThrow(() -> Problem.invalid("fromCheckId", "no check " + fromCheckId));
        if (Check.MERGED.equals(from.status()) && checkId.equals(from.mergedInto())) {
            return find(handle, checkId);
        }
        if (fromCheckId.equals(checkId)) {
            throw Problem.invalid("fromCheckId", "a check cannot be merged into itself");
        }
        Check into = requireTakingItems(handle, checkId, "checkId");
        if (!from.isOpen() || from.anyPartPaid()) {
            throw Problem.conflict("fromCheckId", "check " + fromCheckId + " is " + (from.isOpen() ? "partly paid" : from.status()));
        }
        List<SaleLine> moved = new ArrayList<>();
        List<Integer> rounds = new ArrayList<>();
        int next = into.lines().size() + 1;
        for (SaleLine line : from.lines()) {
            moved.add(line.numbered(next++));
            rounds.add(0);
        }
        CheckTotals totals = totalsOf(concat(into.lines(), moved), into.discount(), prices.in(handle, ledger.statements()));
        CheckRows.addLines(ledger.statements(), checkId, moved, rounds, totals);
        CheckRows.close(ledger.statements(), fromCheckId, Check.MERGED, checkId, ledger.now());
        ledger.append(CheckEntries.MERGED, new CheckEntries.Merged(checkId, fromCheckId, from.tableId(), moved, totals, by));
        TableHolds.release(handle, ledger, from.tableId(), fromCheckId);
        return find(handle, checkId);
    }

    /** What {@code lines} come to with the check's discount spread over them, and what it took off. */
    static CheckTotals totalsOf(List<SaleLine> lines, CheckDiscount discount, PriceList priceList) {
        List<SaleLine> discounted = discount.appliedTo(lines);
        long off = 0;
        for (int i = 0; i < lines.size(); i++) {
            off += lines.get(i).lineTotal() - discounted.get(i).lineTotal();
        }
        return CheckTotals.of(LaterPayments.total(discounted, priceList), off);
    }

    static Check find(Handle handle, String checkId) {
        return CheckRows.find(handle, checkId).orElseThrow(() -> Problem.notFound("check " + checkId));
    }

    static Check requireOpen(Handle handle, String checkId) {
        Check check = find(handle, checkId);
        if (!check.isOpen()) {
            throw Problem.conflict("checkId", "check " + checkId + " is " + check.status());
        }
        return check;
    }

    static Check requireTakingItems(Handle handle, String checkId, String field) {
        Check check = requireOpen(handle, checkId);
        if (check.anyPartPaid()) {
            throw Problem.conflict(field, "check " + checkId + " is partly paid and takes no more items: open another check");
        }
        return check;
    }

    private static List<SaleLine> concat(List<SaleLine> first, List<SaleLine> then) {
        List<SaleLine> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }
}
