package backroom.edge.kitchen;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an order, or one of its items, is: pending, cooking, ready, completed; or cancelled. */
public enum OrderStatus {
    PENDING, COOKING, READY, COMPLETED, CANCELLED;

    /** The status a bump moves to; none after completed, or from cancelled. */
    OrderStatus next() {
        return switch (this) {
            case PENDING -> COOKING;
            case COOKING -> READY;
            case READY -> COMPLETED;
            case COMPLETED, CANCELLED -> throw new IllegalStateException(this + " has no next status");
        };
    }

    /** The status a recall takes a bumped item back to. */
    OrderStatus previous() {
        return switch (this) {
            case COOKING -> PENDING;
            case READY -> COOKING;
            case COMPLETED -> READY;
            case PENDING, CANCELLED -> throw new IllegalStateException(this + " has no previous status");
        };
    }

    /** Still to be made or handed over. */
    boolean isOpen() {
        return this != COMPLETED && this != CANCELLED;
    }

    /** The name on the wire and in the tables: {@code pending}, {@code cooking}... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a row or entry holds. */
    static OrderStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The status named {@code wire}, if there is one. */
    static Optional<OrderStatus> find(String wire) {
        return Arrays.stream(values()).filter(status -> status.wire().equals(wire)).findFirst();
    }

    /** Every status's name, for refusals. */
    static final String NAMES = "pending, cooking, ready, completed or cancelled";
}
