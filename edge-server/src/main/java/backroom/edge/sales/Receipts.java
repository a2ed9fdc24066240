package backroom.edge.sales;

import backroom.edge.catalog.PriceList;
import backroom.edge.catalog.Product;
import backroom.edge.catalog.TaxRate;
import backroom.edge.printing.Receipt;
import java.util.List;
import java.util.Map;

/** A sale as its receipt prints it: names as the catalog priced them, each tax rate's share, the entry's seq and hash. */
final class Receipts {

    private Receipts() {
    }

    static Receipt of(Sale sale, PriceList prices, Totals totals, String hash) {
        List<Receipt.Line> lines = sale.lines().stream().map(line -> line(line, prices)).toList();
        List<Receipt.TaxLine> taxes = totals.taxByRate().entrySet().stream().map(share -> tax(share, prices.taxes())).toList();
        long discounts = sale.lines().stream().mapToLong(SaleLine::discount).sum();
        String staff = sale.by() == null ? null : sale.by().staffName();
        return new Receipt(sale.saleId(), prices.settings().storeName(), sale.receiptNumber(), sale.registerId(), staff, sale.soldAt(),
                sale.currency(), sale.orderType(), sale.tableId(), lines, sale.subtotal() + discounts, discounts, taxes,
                sale.serviceCharge(), sale.rounding(), sale.grandTotal(),
                sale.payments().stream().map(payment -> new Receipt.Payment(payment.method(), payment.amount(), payment.tip())).toList(), sale.change(),
                sale.ledgerSeq(), hash, false);
    }

    private static Receipt.Line line(SaleLine line, PriceList prices) {
        Product product = prices.product(line.productId()).orElseThrow();
        return new Receipt.Line(line.quantity(), line.productName(), CatalogNames.variant(product, line.variantId()),
                CatalogNames.modifiers(product, line.modifierIds()), line.unitPrice(), line.discount(), line.lineTotal(), line.notes());
    }

    private static Receipt.TaxLine tax(Map.Entry<String, Long> share, Map<String, TaxRate> rates) {
        TaxRate rate = rates.get(share.getKey());
        return new Receipt.TaxLine(rate.name(), rate.rateBp(), rate.inclusive(), share.getValue());
    }
}
