package backroom.relay.wire;

import java.util.regex.Pattern;

/**
 * A store as the relay names it: {@code franchise/store}, both parts safe as MQTT topic levels
 * (lower-case letters, digits, dot, dash, underscore; 1-64 characters), so no name can reach
 * into another store's topics with {@code +}, {@code #} or {@code /}.
 */
public record StoreId(String franchise, String store) {

    private static final Pattern PART = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public StoreId {
        check("franchise", franchise);
        check("store", store);
    }

    /** Reads {@code franchise/store}. */
    public static StoreId parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a store is written franchise/store; got '" + text + "'");
        }
        return new StoreId(text.substring(0, slash), text.substring(slash + 1));
    }

    private static void check(String what, String part) {
        if (part == null || !PART.matcher(part).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 of a-z 0-9 . - _ starting with a letter or digit; got '" + part + "'");
        }
    }

    @Override
    public String toString() {
        return franchise + "/" + store;
    }
}
