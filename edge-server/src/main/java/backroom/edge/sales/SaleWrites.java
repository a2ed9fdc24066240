package backroom.edge.sales;

import backroom.edge.catalog.CatalogStore;
import backroom.edge.catalog.StoreSettings;
import backroom.edge.catalog.TaxRate;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.shifts.Shifts;
import backroom.edge.stock.StockLevels;
import backroom.edge.stock.StockLevels.StockMove;
import backroom.edge.web.Json;
import backroom.edge.web.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Ringing and voiding, each run on the ledger writer as one write: every row the sale needs, its
 * stock movements, its receipt number, its idempotency record and its ledger entry commit
 * together or not at all.
 */
final class SaleWrites {

    private SaleWrites() {
    }

    static IdempotencyKeys.StoredAnswer ring(Handle handle, LedgerAppender ledger, NewSale sale) {
        var replay = IdempotencyKeys.replay(handle, sale.idempotencyKey(), sale.requestHash());
        if (replay.isPresent()) {
            return replay.get();
        }
        SaleRequest request = sale.request();
        Shifts.requireOpen(handle, request.shiftId(), request.registerId());
        StoreSettings settings = CatalogStore.settings(handle);
        Map<String, TaxRate> taxes = CatalogStore.taxes(handle).stream().collect(Collectors.toMap(TaxRate::id, Function.identity()));
        SaleLines priced;
        Totals totals;
        try {
            priced = SaleLines.price(handle, request.items(), taxes);
            totals = Pricing.total(priced.lines(), taxes, settings);
        } catch (ArithmeticException overflow) {
            throw Problem.invalid("items", "the sale's amounts are too large to add up");
        }
        Tender tender = Tender.settle(request.payments(), totals.grandTotal());

        long seq = ledger.nextSeq();
        Instant now = ledger.now();
        List<SaleLine> lines = priced.lines();
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            if (priced.stockTracked().contains(line.productId())) {
                StockLevels.move(handle, new StockMove(line.productId(), -line.quantity(), "sale", sale.saleId(), seq, now),
                        "items[" + i + "].quantity");
            }
        }
        Sale recorded = new Sale(sale.saleId(), ReceiptNumbers.next(handle, request.registerId()), request.registerId(),
                request.shiftId(), orderType(request), request.tableId(), request.customerId(), settings.currency(),
                "completed", lines, tender.payments(), totals.subtotal(), totals.taxTotal(), totals.serviceCharge(),
                totals.rounding(), totals.grandTotal(), tender.paid(), tender.change(), seq, now, null);
        SaleTables.insert(handle, recorded);
        ledger.append("sale.completed", recorded);
        var answer = new IdempotencyKeys.StoredAnswer(201, Json.write(SaleReceipt.of(recorded)));
        IdempotencyKeys.remember(handle, sale.idempotencyKey(), sale.requestHash(), answer, now);
        return answer;
    }

    static Sale voidSale(Handle handle, LedgerAppender ledger, String saleId, String reason) {
        Sale sale = SaleTables.find(handle, saleId).orElseThrow(() -> Problem.notFound("sale " + saleId));
        if (sale.voidReason() != null) {
            throw Problem.conflict("saleId", "sale " + saleId + " is already voided");
        }
        long seq = ledger.nextSeq();
        Instant now = ledger.now();
        for (SaleLine line : sale.lines()) {
            if (CatalogStore.tracksStock(handle, line.productId())) {
                StockLevels.move(handle, new StockMove(line.productId(), line.quantity(), "void", saleId, seq, now), "saleId");
            }
        }
        SaleTables.insertVoid(handle, saleId, reason, seq, now);
        ledger.append("sale.voided", Map.of("saleId", saleId, "receiptNumber", sale.receiptNumber(),
                "registerId", sale.registerId(), "shiftId", sale.shiftId(), "grandTotal", sale.grandTotal(), "reason", reason));
        return SaleTables.find(handle, saleId).orElseThrow();
    }

    private static String orderType(SaleRequest request) {
        return request.orderType() == null ? "takeaway" : request.orderType();
    }

    /** A sale to ring: its new id, the caller's Idempotency-Key, the body's hash and the body. */
    record NewSale(String saleId, String idempotencyKey, String requestHash, SaleRequest request) {
    }
}
