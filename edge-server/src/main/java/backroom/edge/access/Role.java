package backroom.edge.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a staff member is in the store; {@link Permissions} says what each may do. */
public enum Role {
    CASHIER, SUPERVISOR, MANAGER, KITCHEN, TECHNICIAN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
    }
}
