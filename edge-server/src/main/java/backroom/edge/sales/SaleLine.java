package backroom.edge.sales;

import java.util.List;

/**
 * A priced line: {@code unitPrice} is the product's price plus its variant's delta plus each
 * modifier's price; {@code lineTotal = unitPrice * quantity - discount}, before any added tax.
 */
public record SaleLine(
        int lineNo,
        String productId,
        String productName,
        String variantId,
        List<String> modifierIds,
        int quantity,
        long unitPrice,
        long discount,
        long lineTotal,
        String taxId,
        String notes) {

    /** The same line under another number (moved onto another check). */
    public SaleLine numbered(int newLineNo) {
        return new SaleLine(newLineNo, productId, productName, variantId, modifierIds, quantity, unitPrice, discount, lineTotal, taxId,
                notes);
    }

    /** The same line at another unit price, its discount kept; {@code newLineTotal} is what it then comes to. */
    public SaleLine priced(long newUnitPrice, long newLineTotal) {
        return new SaleLine(lineNo, productId, productName, variantId, modifierIds, quantity, newUnitPrice, discount, newLineTotal, taxId,
                notes);
    }

    /** The same line with {@code share} more discount taken off its total (its share of a discount on the whole). */
    public SaleLine discountedBy(long share) {
        return new SaleLine(lineNo, productId, productName, variantId, modifierIds, quantity, unitPrice, discount + share,
                lineTotal - share, taxId, notes);
    }
}
