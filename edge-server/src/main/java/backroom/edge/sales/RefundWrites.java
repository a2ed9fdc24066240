package backroom.edge.sales;

import backroom.edge.access.Actor;
import backroom.edge.idempotency.IdempotencyKeys;
import backroom.edge.ingredients.IngredientStock;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.loyalty.Loyalty;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.shifts.Shifts;
import backroom.edge.stock.StockLevels;
import backroom.edge.stock.StockLevels.StockMove;
import backroom.edge.storedvalue.MoveCause;
import backroom.edge.storedvalue.StoredValue;
import backroom.edge.web.Json;
import backroom.edge.web.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * A refund, run on the ledger writer as one write: the refund rows, the stock and ingredients given back, the money
 * put onto a gift card or store credit and the {@code sale.refunded} ledger entry commit together.
 * With an Idempotency-Key, a retry of the same refund gets the first answer and gives back nothing
 * more.
 */
final class RefundWrites {

    private final IdempotencyKeys keys;

    RefundWrites(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** A refund to make: its new id, the sale, the request, who asks, and the caller's key (null if none). */
    record NewRefund(String refundId, String saleId, RefundRequest request, Actor by, String idempotencyKey, String requestHash) {

        /** The key as its device owns it. */
        IdempotencyKeys.DeviceKey key() {
            return new IdempotencyKeys.DeviceKey(by.deviceId(), idempotencyKey);
        }
    }

    IdempotencyKeys.StoredAnswer refund(Handle handle, LedgerAppender ledger, NewRefund refund) {
        if (refund.idempotencyKey() == null) {
            return refundNew(handle, ledger, refund);
        }
        return keys.once(handle, ledger, refund.key(), refund.requestHash(), () -> refundNew(handle, ledger, refund));
    }

    private IdempotencyKeys.StoredAnswer refundNew(Handle handle, LedgerAppender ledger, NewRefund refund) {
        Sale sale = SaleTables.find(handle, refund.saleId()).orElseThrow(() -> Problem.notFound("sale " + refund.saleId()));
        if (sale.voidReason() != null) {
            throw Problem.conflict("saleId", "sale " + sale.saleId() + " is voided: nothing is left to refund");
        }
        RefundRequest request = refund.request();
        String shiftId = shiftFor(handle, sale, request.shiftId());
        List<Refund.Line> lines = RefundLines.choose(sale, request.itemsOrAll(), Refunds.refundedUnits(handle, sale.saleId()));
        String method = request.method() != null ? request.method()
                : sale.payments().isEmpty() ? "cash" : sale.payments().getFirst().method();
        long amount = lines.stream().mapToLong(Refund.Line::amount).sum();
        String reference = StoredValue.KINDS.contains(method) ? giveBackStoredValue(ledger, sale, refund, method, amount) : null;
        Loyalty.onRefund(ledger, sale.saleId(), refund.refundId(), amount, method.equals(Loyalty.POINTS));
        IngredientStock.giveBack(ledger, sale.saleId(), refund.refundId(),
                lines.stream().collect(Collectors.toMap(Refund.Line::lineNo, line -> (long) line.quantity(), Long::sum)));
        long seq = ledger.nextSeq();
        Instant now = ledger.now();
        giveBackStock(handle, ledger.statements(), sale, lines, seq, now);
        Refund made = new Refund(refund.refundId(), sale.saleId(), shiftId, method, reference, amount, request.reason(), lines, seq, now,
                refund.by());
        Refunds.insert(handle, made);
        ledger.append("sale.refunded", made);
        return new IdempotencyKeys.StoredAnswer(201, Json.write(made));
    }

    /** The named shift if open; else the shift open on the sale's register now, whose drawer pays the refund. */
    private static String shiftFor(Handle handle, Sale sale, String named) {
        if (named != null) {
            return Shifts.requireOpen(handle, named, "shiftId", false).shiftId();
        }
        return Shifts.openOn(handle, sale.registerId()).orElseThrow(() -> Problem.conflict("shiftId",
                "no shift is open on register " + sale.registerId() + "; open one, or name the open shift that pays the refund"));
    }

    /**
     * The money put onto the card named, else onto the first card of the method's kind the sale was
     * paid with, else (store credit only) onto a new store credit; the card's number.
     */
    private static String giveBackStoredValue(LedgerAppender ledger, Sale sale, NewRefund refund, String method, long amount) {
        MoveCause cause = MoveCause.refund(sale.saleId(), refund.refundId());
        String card = refund.request().reference() != null ? refund.request().reference() : sale.payments().stream()
                .filter(payment -> payment.method().equals(method))
                .map(Sale.PaymentLine::reference)
                .findFirst()
                .orElse(null);
        if (card != null) {
            return StoredValue.load(ledger, card, method, amount, cause, "reference").cardNumber();
        }
        if (method.equals(StoredValue.STORE_CREDIT)) {
            return StoredValue.open(ledger, StoredValue.STORE_CREDIT, null, amount, cause, "reference").cardNumber();
        }
        throw Problem.invalid("reference", "sale " + sale.saleId() + " was not paid with a gift card: name the card the money goes onto");
    }

    private static void giveBackStock(Handle handle, WriterStatements statements, Sale sale, List<Refund.Line> lines, long seq, Instant now) {
        Set<String> tracked = StockLevels.movesOf(handle, sale.saleId()).stream().map(StockMove::productId).collect(Collectors.toSet());
        Map<Integer, SaleLine> byNumber = sale.lines().stream().collect(Collectors.toMap(SaleLine::lineNo, line -> line));
        List<StockMove> moves = new ArrayList<>();
        for (Refund.Line line : lines) {
            String productId = byNumber.get(line.lineNo()).productId();
            if (tracked.contains(productId)) {
                moves.add(new StockMove(productId, line.quantity(), "refund", sale.saleId(), seq, now));
            }
        }
        moves.forEach(move -> StockLevels.move(statements, move, "items"));
    }
}
