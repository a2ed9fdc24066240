package backroom.edge.reports;

import java.time.Instant;

/** What one hour adds to one key of one dimension: sales (or lines), units, money, and refunds. */
record Bucket(Instant hourStart, String dimension, String key, long salesCount, long quantity, long amount, long refundsCount,
              long refundsAmount) {

    static final String STORE = "store";
    static final String METHOD = "method";
    static final String STAFF = "staff";
    static final String PRODUCT = "product";
    static final String CATEGORY = "category";

    /** Where it is added up: the hour, the dimension and the key. */
    Where where() {
        return new Where(hourStart, dimension, key);
    }

    Bucket plus(Bucket other) {
        return new Bucket(hourStart, dimension, key, salesCount + other.salesCount, quantity + other.quantity, amount + other.amount,
                refundsCount + other.refundsCount, refundsAmount + other.refundsAmount);
    }

    record Where(Instant hourStart, String dimension, String key) {
    }
}
