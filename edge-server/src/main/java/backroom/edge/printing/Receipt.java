package backroom.edge.printing;

import java.time.Instant;
import java.util.List;

/**
 * A sale's receipt as it was rung: the lines with their variants and modifiers, the totals, the
 * tenders and change, who rang it, and the seq and hash of its ledger entry (printed as a QR code,
 * so a receipt can be checked against the store's chain). Money in minor units of {@code currency}.
 * {@code copy} marks one printed again on request, headed COPY.
 */
public record Receipt(String saleId, String storeName, String receiptNumber, String registerId, String staffName, Instant soldAt,
                      String currency, String orderType, String tableId, List<Line> lines, long subtotal, long discountTotal,
                      List<TaxLine> taxes, long serviceCharge, long rounding, long grandTotal, List<Payment> payments, long change,
                      long ledgerSeq, String hash, boolean copy) implements PrintDocument {

    /** One line: {@code lineTotal = unitPrice * quantity - discount}. */
    public record Line(int quantity, String name, String variant, List<String> modifiers, long unitPrice, long discount, long lineTotal,
                       String notes) {
    }

    /** One tax rate's share of the sale; an inclusive one is already in the prices. */
    public record TaxLine(String name, int rateBp, boolean inclusive, long amount) {
    }

    public record Payment(String method, long amount, long tip) {
    }

    /** The same receipt, to print again on request. */
    public Receipt asCopy() {
        return new Receipt(saleId, storeName, receiptNumber, registerId, staffName, soldAt, currency, orderType, tableId, lines, subtotal,
                discountTotal, taxes, serviceCharge, rounding, grandTotal, payments, change, ledgerSeq, hash, true);
    }

    /** What the QR code holds: enough to find the sale's entry in the ledger and check it. */
    public String qrPayload() {
        return "backroom:sale:" + saleId + "?seq=" + ledgerSeq + "&hash=" + hash;
    }
}
