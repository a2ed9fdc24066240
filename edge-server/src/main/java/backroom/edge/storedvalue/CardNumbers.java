package backroom.edge.storedvalue;

import java.security.SecureRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Card numbers: one typed or scanned from a printed card is 6 to 32 letters, digits or dashes; one
 * the box makes is 16 random digits, since the number alone spends the card and must not be guessed
 * from another.
 */
public final class CardNumbers {

    private static final Pattern GIVEN = Pattern.compile("[0-9A-Za-z-]{6,32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DIGITS = 16;

    private CardNumbers() {
    }

    /** Whether {@code number} may name a card. */
    public static boolean valid(String number) {
        return number != null && GIVEN.matcher(number).matches();
    }

    /** A new number that {@code taken} says no card has yet. */
    static String fresh(Predicate<String> taken) {
        while (true) {
            StringBuilder number = new StringBuilder(DIGITS);
            for (int i = 0; i < DIGITS; i++) {
                number.append(RANDOM.nextInt(10));
            }
            if (!taken.test(number.toString())) {
                return number.toString();
            }
        }
    }
}
