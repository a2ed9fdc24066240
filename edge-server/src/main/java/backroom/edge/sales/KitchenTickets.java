package backroom.edge.sales;

import backroom.edge.catalog.PriceList;
import backroom.edge.catalog.Product;
import backroom.edge.kitchen.KitchenTicket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sale's ticket for the kitchen: each line whose product a station makes (the product's own
 * station, else its category's), with its variant and modifiers by name as the catalog priced them.
 */
final class KitchenTickets {

    private KitchenTickets() {
    }

    static KitchenTicket of(Sale sale, PriceList prices) {
        return of(sale.saleId(), sale.orderType(), sale.tableId(), true, sale.lines(), prices);
    }

    static KitchenTicket of(String ticketId, String orderType, String tableId, boolean holdsTable, List<SaleLine> lines, PriceList prices) {
        List<KitchenTicket.Item> items = new ArrayList<>();
        for (SaleLine line : lines) {
            Product product = prices.product(line.productId()).orElseThrow();
            Optional<String> station = prices.stationOf(product);
            if (station.isEmpty()) {
                continue;
            }
            items.add(new KitchenTicket.Item(line.lineNo(), station.get(), product.id(), product.name(),
                    CatalogNames.variant(product, line.variantId()), CatalogNames.modifiers(product, line.modifierIds()), line.notes(),
                    line.quantity()));
        }
        return new KitchenTicket(ticketId, orderType, tableId, holdsTable, items);
    }
}
