package backroom.edge.catalog;

/**
 * The store's settings: how it charges, and when its kitchen screens call an order late. Rates are
 * basis points (1000 = 10%); amounts are minor units of {@code currency}. The service charge is a
 * share of the subtotal before tax and is not taxed. The grand total is rounded to a multiple of
 * {@code roundingIncrement} (1 = no rounding; 100 rounds IDR to whole hundreds) by
 * {@code roundingMode}. A kitchen screen shows an order amber once it is {@code kdsAmberSeconds}
 * old and red at {@code kdsRedSeconds}.
 */
public record StoreSettings(
        String storeId,
        String storeName,
        String currency,
        int serviceChargeBp,
        long roundingIncrement,
        RoundingRule roundingMode,
        int kdsAmberSeconds,
        int kdsRedSeconds) {

    public static final int KDS_AMBER_SECONDS = 300;
    public static final int KDS_RED_SECONDS = 600;

    /** How the grand total is brought to a multiple of the rounding increment. */
    public enum RoundingRule { HALF_UP, DOWN, UP }
}
