package backroom.edge.sales;

import backroom.edge.access.Actor;
import java.time.Instant;
import java.util.List;

/**
 * A sale as {@code GET /api/v1/sales/{id}} shows it, and as its ledger entry records it: {@code by}
 * names who rang it on which device; {@code refunds} is empty when it is rung.
 */
public record Sale(
        String saleId,
        String receiptNumber,
        String registerId,
        String shiftId,
        String orderType,
        String tableId,
        String customerId,
        String currency,
        String status,
        List<SaleLine> lines,
        List<PaymentLine> payments,
        long subtotal,
        long taxTotal,
        long serviceCharge,
        long rounding,
        long grandTotal,
        long paid,
        long change,
        long ledgerSeq,
        Instant soldAt,
        String voidReason,
        Actor by,
        List<Refund> refunds) {

    /** A tender taken for the sale: {@code amount} toward it, {@code tip} on top (card and cash only). */
    public record PaymentLine(String method, long amount, String reference, long tip) {
    }
}
