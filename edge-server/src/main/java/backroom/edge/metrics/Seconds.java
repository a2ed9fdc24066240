package backroom.edge.metrics;

import java.math.BigDecimal;

/** Whole milli- and microseconds as a decimal number of seconds, exactly (no floating point on the way). */
final class Seconds {

    private Seconds() {
    }

    static String ofMillis(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }

    static String ofMicros(long micros) {
        return BigDecimal.valueOf(micros, 6).toPlainString();
    }
}
