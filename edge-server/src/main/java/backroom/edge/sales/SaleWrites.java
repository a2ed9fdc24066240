package backroom.edge.sales;

import backroom.edge.access.Actor;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.catalog.PriceList;
import backroom.edge.idempotency.IdempotencyKeys;
import backroom.edge.ingredients.IngredientStock;
import backroom.edge.kitchen.KitchenWrites;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.loyalty.Loyalty;
import backroom.edge.printing.PrintQueue;
import backroom.edge.shifts.Shifts;
import backroom.edge.stock.StockLevels.StockMove;
import backroom.edge.stock.StockLevels;
import backroom.edge.storedvalue.MoveCause;
import backroom.edge.storedvalue.StoredValue;
import backroom.edge.web.Json;
import backroom.edge.web.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Ringing and voiding, each run on the ledger writer as one write: every row the sale needs, its
 * stock movements, the ingredients its recipes take, what it takes off gift cards and store credit,
 * the loyalty points it earns or spends, its receipt number, its
 * idempotency record, its ledger entry, its kitchen order and its print jobs (receipt, kitchen
 * tickets, the drawer's kick for cash) commit together or not at all. Lives on the ledger writer's thread, with what it keeps between sales.
 */
final class SaleWrites {

    private final CurrentPriceList prices;
    private final ReceiptNumbers receiptNumbers = new ReceiptNumbers();
    private final IdempotencyKeys keys;
    private final PrintQueue printing;

    SaleWrites(CurrentPriceList prices, IdempotencyKeys keys, PrintQueue printing) {
        this.prices = prices;
        this.keys = keys;
        this.printing = printing;
    }

    /**
     * Rings the sale; or, when its Idempotency-Key was rung before with the same body, returns the
     * first answer and writes nothing.
     */
    IdempotencyKeys.StoredAnswer ring(Handle handle, LedgerAppender ledger, NewSale sale) {
        return keys.once(handle, ledger, sale.key(), sale.requestHash(), () -> ringNew(handle, ledger, sale));
    }

    private IdempotencyKeys.StoredAnswer ringNew(Handle handle, LedgerAppender ledger, NewSale sale) {
        SaleRequest request = sale.request();
        Shifts.requireOpen(ledger.statements(), request.shiftId(), request.registerId());
        PriceList priceList = prices.in(handle, ledger.statements());
        SaleLines priced;
        Totals totals;
        try {
            priced = SaleLines.price(priceList, request.items());
            totals = Pricing.total(priced.lines(), priceList.taxes(), priceList.settings());
        } catch (ArithmeticException overflow) {
            throw Problem.invalid("items", "the sale's amounts are too large to add up");
        }
        Tender tender = Tender.settle(request.payments(), totals.grandTotal());
        spendStoredValue(ledger, sale.saleId(), request.payments());
        Loyalty.onSale(ledger, sale.saleId(), request.customerId(), totals.grandTotal(), paidInPoints(request.payments()));
        List<SaleLine> lines = priced.lines();
        IngredientStock.use(ledger, sale.saleId(), SaleLines.sold(lines));

        long seq = ledger.nextSeq();
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            if (priced.stockTracked().contains(line.productId())) {
                StockLevels.move(ledger.statements(), new StockMove(line.productId(), -line.quantity(), "sale", sale.saleId(), seq,
                        ledger.now()), "items[" + i + "].quantity");
            }
        }
        Sale recorded = record(handle, ledger, new SettledSale(sale.saleId(), request.registerId(), request.shiftId(), orderType(request),
                request.tableId(), request.customerId(), lines, totals, request.payments(), sale.by()), priceList, tender);
        String orderId = KitchenWrites.send(handle, ledger, KitchenTickets.of(recorded, priceList), sale.by(), printing).orElse(null);
        return new IdempotencyKeys.StoredAnswer(201, Json.write(SaleReceipt.of(recorded, orderId)));
    }

    /**
     * Rings a sale whose lines and totals were worked out and whose stock and kitchen were done
     * before it (a paid part of an open check): its receipt number, rows, entry and receipt print.
     */
    Sale ringSettled(Handle handle, LedgerAppender ledger, SettledSale sale) {
        Shifts.requireOpen(ledger.statements(), sale.shiftId(), sale.registerId());
        PriceList priceList = prices.in(handle, ledger.statements());
        Tender tender = Tender.settle(sale.payments(), sale.totals().grandTotal());
        spendStoredValue(ledger, sale.saleId(), sale.payments());
        Loyalty.onSale(ledger, sale.saleId(), sale.customerId(), sale.totals().grandTotal(), paidInPoints(sale.payments()));
        return record(handle, ledger, sale, priceList, tender);
    }

    /** The sale's receipt number, rows and {@code sale.completed} entry, and its receipt queued (with the drawer's kick for cash). */
    private Sale record(Handle handle, LedgerAppender ledger, SettledSale sale, PriceList priceList, Tender tender) {
        Totals totals = sale.totals();
        Sale recorded = new Sale(sale.saleId(), receiptNumbers.next(handle, ledger.statements(), sale.registerId()), sale.registerId(),
                sale.shiftId(), sale.orderType(), sale.tableId(), sale.customerId(), priceList.settings().currency(), "completed",
                sale.lines(), tender.payments(), totals.subtotal(), totals.taxTotal(), totals.serviceCharge(), totals.rounding(),
                totals.grandTotal(), tender.paid(), tender.change(), ledger.nextSeq(), ledger.now(), null, sale.by(), List.of());
        SaleTables.insert(ledger.statements(), recorded);
        ledger.append("sale.completed", recorded);
        String hash = ledger.headHash();
        printing.receipt(ledger, recorded.ledgerSeq(), recorded.saleId(), recorded.registerId(), recorded.receiptNumber(),
                () -> Receipts.of(recorded, priceList, totals, hash), tender.paidInCash());
        return recorded;
    }

    /** Each gift card or store credit payment taken off its card, in the sale's write: a 409 naming the payment when it holds less. */
    private static void spendStoredValue(LedgerAppender ledger, String saleId, List<SaleRequest.Payment> payments) {
        for (int i = 0; i < payments.size(); i++) {
            SaleRequest.Payment payment = payments.get(i);
            if (StoredValue.KINDS.contains(payment.method())) {
                StoredValue.spend(ledger, payment.reference(), payment.method(), payment.amount(), MoveCause.payment(saleId),
                        "payments[" + i + "].reference");
            }
        }
    }

    /** The payments made in loyalty points, each with its place among the sale's payments. */
    private static List<Loyalty.PointsPayment> paidInPoints(List<SaleRequest.Payment> payments) {
        List<Loyalty.PointsPayment> points = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            if (payments.get(i).method().equals(Loyalty.POINTS)) {
                points.add(new Loyalty.PointsPayment(i, payments.get(i).amount()));
            }
        }
        return points;
    }

    Sale voidSale(Handle handle, LedgerAppender ledger, String saleId, String reason, Actor by) {
        Sale sale = SaleTables.find(handle, saleId).orElseThrow(() -> Problem.notFound("sale " + saleId));
        if (sale.voidReason() != null) {
            throw Problem.conflict("saleId", "sale " + saleId + " is already voided");
        }
        if (!sale.refunds().isEmpty()) {
            // A void gives back the whole sale: after a refund that would return its money and stock twice.
            throw Problem.conflict("saleId", "sale " + saleId + " has refunds and can no longer be voided; refund what is left instead");
        }
        if (Shifts.find(handle, sale.shiftId()).map(shift -> !shift.isOpen()).orElse(true)) {
            // Its Z report is taken and its cash counted: undoing it now is a refund, not a void.
            throw Problem.conflict("saleId", "sale " + saleId + " belongs to a closed shift and can no longer be voided");
        }
        // What the sale put on or took off gift cards and store credit comes back first, or the void is refused.
        StoredValue.reverseSale(ledger, saleId, "saleId");
        IngredientStock.reverseSale(ledger, saleId);
        Loyalty.reverseSale(ledger, saleId);
        long seq = ledger.nextSeq();
        Instant now = ledger.now();
        for (StockMove sold : StockLevels.movesOf(handle, saleId)) {
            StockLevels.move(ledger.statements(), new StockMove(sold.productId(), -sold.delta(), "void", saleId, seq, now), "saleId");
        }
        SaleTables.insertVoid(handle, saleId, reason, seq, now, by);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("saleId", saleId);
        entry.put("receiptNumber", sale.receiptNumber());
        entry.put("registerId", sale.registerId());
        entry.put("shiftId", sale.shiftId());
        entry.put("grandTotal", sale.grandTotal());
        entry.put("reason", reason);
        entry.put("by", by);
        ledger.append("sale.voided", entry);
        KitchenWrites.cancelSale(handle, ledger, saleId, by);
        return SaleTables.find(handle, saleId).orElseThrow();
    }

    private static String orderType(SaleRequest request) {
        return request.orderType() == null ? "takeaway" : request.orderType();
    }

    /** A sale to ring: its new id, the caller's Idempotency-Key, the body's hash, the body, and who rings it. */
    record NewSale(String saleId, String idempotencyKey, String requestHash, SaleRequest request, Actor by) {

        /** The key as its device owns it: another device's same key is another sale. */
        IdempotencyKeys.DeviceKey key() {
            return new IdempotencyKeys.DeviceKey(by.deviceId(), idempotencyKey);
        }
    }
}
