package backroom.edge.shifts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** A register's cash shift. {@code closedAt}, {@code countedCash} and {@code expectedCash} are null while open. */
public record Shift(
        String shiftId,
        String registerId,
        String status,
        long openingFloat,
        Instant openedAt,
        Instant closedAt,
        Long countedCash,
        Long expectedCash) {

    @JsonIgnore
    public boolean isOpen() {
        return closedAt == null;
    }
}
