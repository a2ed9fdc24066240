package backroom.edge.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a staff member is in the store; {@link Permissions} says what each may do. */
public enum Role {
    CASHIER(1), SUPERVISOR(2), MANAGER(3), KITCHEN(1), TECHNICIAN(4);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    /** Whether someone in this role may give or take away {@code other}: a manager makes no technicians. */
    public boolean outranksOrEquals(Role other) {
        return rank >= other.rank;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
    }
}
