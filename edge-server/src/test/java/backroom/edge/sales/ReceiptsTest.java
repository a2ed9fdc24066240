package backroom.edge.sales;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.access.Actor;
import backroom.edge.access.Role;
import backroom.edge.catalog.Category;
import backroom.edge.catalog.DemoCatalog;
import backroom.edge.catalog.PriceList;
import backroom.edge.catalog.Product;
import backroom.edge.catalog.TaxRate;
import backroom.edge.printing.Receipt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A rung sale as its receipt prints it: names from the catalog, each tax rate's share, the entry's seq and hash. */
class ReceiptsTest {

    private static final PriceList DEMO = new PriceList(1, DemoCatalog.SETTINGS,
            DemoCatalog.TAXES.stream().collect(Collectors.toMap(TaxRate::id, Function.identity())),
            DemoCatalog.PRODUCTS.stream().collect(Collectors.toMap(Product::id, Function.identity())),
            DemoCatalog.CATEGORIES.stream().filter(c -> c.station() != null).collect(Collectors.toMap(Category::id, Category::station)));

    @Test
    void aSalesReceiptNamesItsVariantsModifiersTaxesAndTendersAndCarriesItsEntry() {
        List<SaleLine> lines = List.of(
                new SaleLine(1, "coffee-latte", "Latte", "large", List.of("extra-shot", "oat-milk"), 2, 37_000, 4_000, 70_000, "ppn-10",
                        "no sugar"),
                new SaleLine(2, "retail-beans-250", "House blend beans 250 g", null, List.of(), 1, 95_000, 0, 95_000, "ppn-11-incl", null));
        Totals totals = Pricing.total(lines, DEMO.taxes(), DemoCatalog.SETTINGS);
        Sale sale = new Sale("s1", "r1-000007", "r1", "shift-1", "dine_in", "5", null, "IDR", "completed", lines,
                List.of(new Sale.PaymentLine("card", 100_000, "ref", 5_000), new Sale.PaymentLine("cash", 100_000, null, 0)), totals.subtotal(),
                totals.taxTotal(), totals.serviceCharge(), totals.rounding(), totals.grandTotal(), 200_000,
                200_000 - totals.grandTotal(), 42, Instant.parse("2026-12-04T10:00:00Z"), null,
                new Actor("staff-1", "Ayu", Role.CASHIER, "device-1", "Till 1"), List.of());

        Receipt receipt = Receipts.of(sale, DEMO, totals, "ab12");

        assertThat(receipt.storeName()).isEqualTo("Backroom Demo Coffee");
        assertThat(receipt.staffName()).isEqualTo("Ayu");
        assertThat(receipt.lines().getFirst()).isEqualTo(
                new Receipt.Line(2, "Latte", "Large", List.of("Extra shot", "Oat milk"), 37_000, 4_000, 70_000, "no sugar"));
        assertThat(receipt.lines().get(1).variant()).isNull();
        assertThat(receipt.subtotal()).as("before line discounts").isEqualTo(169_000);
        assertThat(receipt.discountTotal()).isEqualTo(4_000);
        assertThat(receipt.taxes()).containsExactly(new Receipt.TaxLine("Tax 10%", 1_000, false, 7_000),
                new Receipt.TaxLine("Tax 11% (included)", 1_100, true, 9_414));
        assertThat(totals.taxByRate()).isEqualTo(Map.of("ppn-10", 7_000L, "ppn-11-incl", 9_414L));
        assertThat(receipt.taxes().stream().mapToLong(Receipt.TaxLine::amount).sum()).isEqualTo(totals.taxTotal());
        assertThat(receipt.payments()).containsExactly(new Receipt.Payment("card", 100_000, 5_000), new Receipt.Payment("cash", 100_000, 0));
        assertThat(receipt.change()).isEqualTo(sale.change());
        assertThat(receipt.grandTotal()).isEqualTo(totals.grandTotal());
        assertThat(receipt.serviceCharge()).isEqualTo(totals.serviceCharge());
        assertThat(receipt.rounding()).isEqualTo(totals.rounding());
        assertThat(receipt.qrPayload()).isEqualTo("backroom:sale:s1?seq=42&hash=ab12");
        assertThat(receipt.copy()).isFalse();
        assertThat(receipt.asCopy().copy()).isTrue();
        assertThat(receipt.orderType()).isEqualTo("dine_in");
        assertThat(receipt.tableId()).isEqualTo("5");
    }

    @Test
    void onlyATenderWithCashInItOpensTheDrawer() {
        assertThat(Tender.settle(List.of(new SaleRequest.Payment("card", 50_000L, null, null)), 50_000).paidInCash()).isFalse();
        assertThat(Tender.settle(List.of(new SaleRequest.Payment("card", 40_000L, null, null), new SaleRequest.Payment("cash", 10_000L, null, null)),
                50_000).paidInCash()).isTrue();
    }
}
