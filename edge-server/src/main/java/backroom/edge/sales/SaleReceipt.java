package backroom.edge.sales;

/** The answer to a rung sale (201), kept with its Idempotency-Key so a retry gets the same. */
public record SaleReceipt(
        String saleId,
        String receiptNumber,
        String currency,
        long subtotal,
        long taxTotal,
        long serviceCharge,
        long rounding,
        long grandTotal,
        long paid,
        long change,
        long ledgerSeq,
        String orderId) {

    /** {@code orderId}: the kitchen order the sale went to, null when nothing of it is for the kitchen. */
    static SaleReceipt of(Sale sale, String orderId) {
        return new SaleReceipt(sale.saleId(), sale.receiptNumber(), sale.currency(), sale.subtotal(), sale.taxTotal(),
                sale.serviceCharge(), sale.rounding(), sale.grandTotal(), sale.paid(), sale.change(), sale.ledgerSeq(), orderId);
    }
}
