package backroom.edge.printing;

import java.util.Currency;
import java.util.Locale;

/** Minor units as a receipt shows them: {@code 69000} IDR is {@code 69,000}; {@code 1250} EUR is {@code 12.50}. */
final class MoneyText {

    /**
     * Currencies the box counts in whole units although ISO 4217 gives them a minor unit nobody
     * uses: rupiah have no sen in circulation, and the API's IDR amounts are whole rupiah (69,000).
     */
    private static final java.util.Set<String> WHOLE_UNITS = java.util.Set.of("IDR");

    private MoneyText() {
    }

    static String of(long minor, String currency) {
        int digits = fractionDigits(currency);
        long unit = 1;
        for (int i = 0; i < digits; i++) {
            unit *= 10;
        }
        String sign = minor < 0 ? "-" : "";
        long magnitude = Math.abs(minor);
        String whole = String.format(Locale.ROOT, "%,d", magnitude / unit);
        return digits == 0 ? sign + whole : sign + whole + "." + String.format(Locale.ROOT, "%0" + digits + "d", magnitude % unit);
    }

    private static int fractionDigits(String currency) {
        if (WHOLE_UNITS.contains(currency)) {
            return 0;
        }
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
