package backroom.edge.access;

/** What a route asks of its caller. */
public sealed interface Access {

    /** Anyone on the LAN: pairing a device. */
    Access PUBLIC = new Public();

    /** Any paired device, with or without a staff member signed in: PIN sign-in. */
    Access ANY_DEVICE = new AnyDevice();

    /**
     * A guest at a table, with no staff token: the gate lets the request through and the route
     * asks for the guest session its table's QR code opened ({@code Authorization: Guest ...}).
     */
    Access GUEST = new Guest();

    static Access needs(Permission permission) {
        return new Needs(permission);
    }

    record Public() implements Access {
    }

    record AnyDevice() implements Access {
    }

    record Guest() implements Access {
    }

    record Needs(Permission permission) implements Access {
    }
}
