package backroom.edge.sales;

import java.util.Map;

/**
 * What a sale comes to, in minor units. {@code subtotal} is the sum of line totals (prices as
 * listed, so it includes any inclusive tax); {@code taxTotal} is all tax, inclusive and added;
 * {@code grandTotal = subtotal + added tax + serviceCharge + rounding}; {@code taxByRate} is each
 * rate's share of {@code taxTotal}, by tax id.
 */
public record Totals(long subtotal, long taxTotal, long addedTax, long serviceCharge, long rounding, long grandTotal,
                     Map<String, Long> taxByRate) {
}
