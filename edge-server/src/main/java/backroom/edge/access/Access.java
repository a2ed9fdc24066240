package backroom.edge.access;

/** What a route asks of its caller. */
public sealed interface Access {

    /** Anyone on the LAN: pairing a device. */
    Access PUBLIC = new Public();

    /** Any paired device, with or without a staff member signed in: PIN sign-in. */
    Access ANY_DEVICE = new AnyDevice();

    static Access needs(Permission permission) {
        return new Needs(permission);
    }

    record Public() implements Access {
    }

    record AnyDevice() implements Access {
    }

    record Needs(Permission permission) implements Access {
    }
}
