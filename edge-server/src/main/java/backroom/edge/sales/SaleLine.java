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
}
