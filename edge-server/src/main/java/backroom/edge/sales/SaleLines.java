package backroom.edge.sales;

import backroom.edge.catalog.Modifier;
import backroom.edge.catalog.PriceList;
import backroom.edge.catalog.Product;
import backroom.edge.catalog.Variant;
import backroom.edge.ingredients.SoldLine;
import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Items priced into lines against the price list, noting which of their products track stock. */
public record SaleLines(List<SaleLine> lines, Set<String> stockTracked) {

    /** The lines as their ingredients see them, each named by its place among the request's items. */
    public static List<SoldLine> sold(List<SaleLine> lines) {
        List<SoldLine> sold = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            sold.add(new SoldLine(i, line.lineNo(), line.productId(), line.variantId(), line.quantity()));
        }
        return sold;
    }

    static SaleLines price(PriceList prices, List<SaleRequest.Item> items) {
        return price(prices, items, 1);
    }

    /** Lines numbered from {@code firstLineNo}; a 422 names the item ({@code items[i]...}) that does not price. */
    static SaleLines price(PriceList prices, List<SaleRequest.Item> items, int firstLineNo) {
        List<SaleLine> lines = new ArrayList<>(items.size());
        Set<String> stockTracked = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add(line(prices, i, firstLineNo + i, items.get(i), stockTracked));
        }
        return new SaleLines(List.copyOf(lines), Set.copyOf(stockTracked));
    }

    private static SaleLine line(PriceList prices, int i, int lineNo, SaleRequest.Item item, Set<String> stockTracked) {
        String at = "items[" + i + "]";
        Product product = prices.product(item.productId())
                .orElseThrow(() -> Problem.invalid(at + ".productId", "no product " + item.productId()));
        long unit = product.price();
        if (item.variantId() != null) {
            Variant variant = product.variant(item.variantId())
                    .orElseThrow(() -> Problem.invalid(at + ".variantId", product.id() + " has no variant " + item.variantId()));
            unit = Math.addExact(unit, variant.priceDelta());
        }
        for (String modifierId : item.modifiers()) {
            Modifier modifier = product.modifier(modifierId)
                    .orElseThrow(() -> Problem.invalid(at + ".modifierIds", product.id() + " has no modifier " + modifierId));
            unit = Math.addExact(unit, modifier.price());
        }
        long gross = Math.multiplyExact(unit, item.quantity());
        if (item.discountOrZero() > gross) {
            throw Problem.invalid(at + ".discount", "is more than the line's " + gross);
        }
        if (product.trackStock()) {
            stockTracked.add(product.id());
        }
        if (product.taxId() != null && !prices.taxes().containsKey(product.taxId())) {
            throw new IllegalStateException("product " + product.id() + " names unknown tax " + product.taxId());
        }
        return new SaleLine(lineNo, product.id(), product.name(), item.variantId(), item.modifiers(), item.quantity(),
                unit, item.discountOrZero(), gross - item.discountOrZero(), product.taxId(), item.notes());
    }
}
