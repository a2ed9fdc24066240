package backroom.edge.checks;

import backroom.edge.access.Actor;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.catalog.TaxRate;
import backroom.edge.kitchen.TableHolds;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.sales.LaterPayments;
import backroom.edge.sales.Sale;
import backroom.edge.sales.SaleLine;
import backroom.edge.sales.SettledSale;
import backroom.edge.sales.Totals;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * How an open check is paid, each step one write on the ledger writer: split into parts by item,
 * equally or by amount ({@link CheckSplit}, every figure of the parts adding up to the check's);
 * each part paid as a sale of its own with its own receipt number; the check closed, and its table
 * let go, when its last part is paid. A check paid without a split is paid as one part.
 */
final class CheckPayments {

    private final CurrentPriceList prices;
    private final LaterPayments sales;

    CheckPayments(CurrentPriceList prices, LaterPayments sales) {
        this.prices = prices;
        this.sales = sales;
    }

    Check split(Handle handle, LedgerAppender ledger, String checkId, CheckRequests.Split request, Actor by) {
        Check check = requireUnpaid(handle, checkId, "by");
        Totals totals = totalsOf(check);
        Set<String> inclusive = inclusiveTaxes(handle, ledger);
        List<CheckSplit.PartTotals> figures;
        List<List<Integer>> lineNos = new ArrayList<>();
        switch (request.by()) {
            case "items" -> {
                List<Integer> partOfLine = partOfEachLine(check, request.parts());
                // Each line as the check's discount leaves it, so the parts' subtotals add up to the check's.
                figures = CheckSplit.byItems(check.discount().appliedTo(check.lines()).stream()
                        .map(line -> new CheckSplit.CheckLine(line.lineTotal(), line.taxId())).toList(), partOfLine, request.parts().size(),
                        totals, inclusive);
                request.parts().forEach(part -> lineNos.add(part.lineNos().stream().sorted().toList()));
            }
            case "equally" -> figures = CheckSplit.equally(request.ways(), totals, inclusive);
            default -> figures = byAmounts(request.amounts(), totals, inclusive);
        }
        List<Check.Part> parts = new ArrayList<>();
        for (int p = 0; p < figures.size(); p++) {
            parts.add(part(p + 1, lineNos.isEmpty() ? List.of() : lineNos.get(p), figures.get(p)));
        }
        writeSplit(ledger, checkId, request.by(), parts, by);
        return CheckWrites.find(handle, checkId);
    }

    /** The part paid as a sale; the check closed and its table let go when it was the last. */
    PaidPart pay(Handle handle, LedgerAppender ledger, String checkId, String saleId, CheckRequests.Pay request, Actor by) {
        Check check = CheckWrites.requireOpen(handle, checkId);
        if (check.lines().isEmpty()) {
            throw Problem.conflict("checkId", "check " + checkId + " has nothing to pay yet");
        }
        if (check.parts().isEmpty()) {
            List<Integer> all = check.lines().stream().map(SaleLine::lineNo).toList();
            Totals whole = totalsOf(check);
            writeSplit(ledger, checkId, "whole", List.of(new Check.Part(1, all, whole.subtotal(), whole.taxTotal(), whole.serviceCharge(),
                    whole.rounding(), whole.grandTotal(), whole.taxByRate(), null, null)), by);
            check = CheckWrites.find(handle, checkId);
        }
        Check.Part part = partToPay(check, request.partNo());
        Sale sale = sales.ring(handle, ledger, new SettledSale(saleId, request.registerId(), request.shiftId(), check.orderType(),
                check.tableId(), null, List.of(), totalsOf(part), request.payments(), by));
        CheckRows.paid(ledger.statements(), checkId, part.partNo(), sale.saleId(), sale.receiptNumber());
        ledger.append(CheckEntries.PART_PAID, new CheckEntries.PartPaid(checkId, part.partNo(), sale.saleId(), sale.receiptNumber(),
                part.grandTotal(), by));
        long unpaid = check.parts().stream().filter(other -> !other.isPaid() && other.partNo() != part.partNo()).count();
        if (unpaid == 0) {
            CheckRows.close(ledger.statements(), checkId, Check.CLOSED, null, ledger.now());
            ledger.append(CheckEntries.CLOSED, new CheckEntries.Closed(checkId, check.tableId(), check.grandTotal(), by));
            TableHolds.release(handle, ledger, check.tableId(), checkId);
        }
        Check after = CheckWrites.find(handle, checkId);
        return new PaidPart(checkId, part.partNo(), sale.saleId(), sale.receiptNumber(), sale.grandTotal(), sale.paid(), sale.change(),
                sale.ledgerSeq(), after.status(), after.balanceDue());
    }


    private static void writeSplit(LedgerAppender ledger, String checkId, String splitBy, List<Check.Part> parts, Actor by) {
        CheckRows.split(ledger.statements(), checkId, splitBy, parts);
        ledger.append(CheckEntries.SPLIT, new CheckEntries.Split(checkId, splitBy, parts, by));
    }

    private static Check requireUnpaid(Handle handle, String checkId, String field) {
        Check check = CheckWrites.requireOpen(handle, checkId);
        if (check.anyPartPaid()) {
            throw Problem.conflict(field, "check " + checkId + " is partly paid: its split can no longer change");
        }
        if (check.lines().isEmpty()) {
            throw Problem.conflict(field, "check " + checkId + " has nothing to split yet");
        }
        return check;
    }

    private static Check.Part partToPay(Check check, Integer partNo) {
        if (partNo == null) {
            return check.parts().stream().filter(part -> !part.isPaid()).findFirst().orElseThrow();
        }
        Check.Part part = check.parts().stream().filter(candidate -> candidate.partNo() == partNo).findFirst()
                .orElseThrow(() -> Problem.invalid("partNo", "check " + check.checkId() + " has " + check.parts().size() + " parts"));
        if (part.isPaid()) {
            throw Problem.conflict("partNo", "part " + partNo + " is paid (receipt " + part.receiptNumber() + ")");
        }
        return part;
    }

    /** Each line's part (0-based) from the request's line numbers: every line of the check in exactly one part. */
    private static List<Integer> partOfEachLine(Check check, List<CheckRequests.PartLines> parts) {
        Map<Integer, Integer> partOf = new HashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            for (int lineNo : parts.get(p).lineNos()) {
                partOf.put(lineNo, p);
            }
        }
        Set<Integer> lineNos = check.lines().stream().map(SaleLine::lineNo).collect(Collectors.toSet());
        List<Integer> unknown = partOf.keySet().stream().filter(lineNo -> !lineNos.contains(lineNo)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw Problem.invalid("parts", "check " + check.checkId() + " has no line " + unknown.getFirst());
        }
        List<Integer> missing = lineNos.stream().filter(lineNo -> !partOf.containsKey(lineNo)).sorted().toList();
        if (!missing.isEmpty()) {
            throw Problem.invalid("parts", "line " + missing.getFirst() + " is in no part: every line must be in one");
        }
        return check.lines().stream().map(line -> partOf.get(line.lineNo())).toList();
    }

    private static List<CheckSplit.PartTotals> byAmounts(List<Long> amounts, Totals totals, Set<String> inclusive) {
        long sum = amounts.stream().mapToLong(Long::longValue).sum();
        if (sum != totals.grandTotal()) {
            throw Problem.invalid("amounts", "add up to " + sum + ", not the check's grand total " + totals.grandTotal());
        }
        return CheckSplit.byAmounts(amounts.stream().mapToLong(Long::longValue).toArray(), totals, inclusive);
    }

    private Set<String> inclusiveTaxes(Handle handle, LedgerAppender ledger) {
        return prices.in(handle, ledger.statements()).taxes().values().stream().filter(TaxRate::inclusive).map(TaxRate::id)
                .collect(Collectors.toSet());
    }

    private static Check.Part part(int partNo, List<Integer> lineNos, CheckSplit.PartTotals figures) {
        return new Check.Part(partNo, lineNos, figures.subtotal(), figures.taxTotal(), figures.serviceCharge(), figures.rounding(),
                figures.grandTotal(), figures.taxByRate(), null, null);
    }

    private static Totals totalsOf(Check check) {
        return totals(check.subtotal(), check.taxTotal(), check.serviceCharge(), check.rounding(), check.grandTotal(), check.taxByRate());
    }

    private static Totals totalsOf(Check.Part part) {
        return totals(part.subtotal(), part.taxTotal(), part.serviceCharge(), part.rounding(), part.grandTotal(), part.taxByRate());
    }

    /** Totals from what is kept: the tax added on top is what the grand total holds beyond the rest. */
    private static Totals totals(long subtotal, long taxTotal, long serviceCharge, long rounding, long grandTotal, Map<String, Long> taxByRate) {
        return new Totals(subtotal, taxTotal, grandTotal - subtotal - serviceCharge - rounding, serviceCharge, rounding, grandTotal,
                taxByRate);
    }
}
