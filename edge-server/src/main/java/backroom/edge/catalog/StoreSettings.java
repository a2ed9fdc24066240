package backroom.edge.catalog;

/**
 * How this store charges. Rates are basis points (1000 = 10%); amounts are minor units of
 * {@code currency}. The service charge is a share of the subtotal before tax and is not taxed. The grand total is rounded to a multiple of {@code roundingIncrement}
 * (1 = no rounding; 100 rounds IDR to whole hundreds) by {@code roundingMode}.
 */
public record StoreSettings(
        String storeId,
        String storeName,
        String currency,
        int serviceChargeBp,
        long roundingIncrement,
        RoundingRule roundingMode) {

    /** How the grand total is brought to a multiple of the rounding increment. */
    public enum RoundingRule { HALF_UP, DOWN, UP }
}
