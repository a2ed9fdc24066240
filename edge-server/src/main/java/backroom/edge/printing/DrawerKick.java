package backroom.edge.printing;

/** A pulse that opens a register's cash drawer: after a cash sale, a no-sale open, or a technician's test. */
public record DrawerKick(String registerId, String why) implements PrintDocument {
}
