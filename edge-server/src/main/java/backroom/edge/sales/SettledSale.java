package backroom.edge.sales;

import backroom.edge.access.Actor;
import java.util.List;

/**
 * A sale whose lines and totals are already worked out, to be paid now: an open check's part. Its
 * lines may be none (a part paid equally or by amount pays a share of the check, not its items).
 */
public record SettledSale(String saleId, String registerId, String shiftId, String orderType, String tableId, String customerId,
                          List<SaleLine> lines, Totals totals, List<SaleRequest.Payment> payments, Actor by) {
}
