package backroom.edge.access;

import static backroom.edge.access.Permission.ADJUST_STOCK;
import static backroom.edge.access.Permission.BUMP_ORDERS;
import static backroom.edge.access.Permission.CLOSE_SHIFT;
import static backroom.edge.access.Permission.DISCOUNT_OVER_LIMIT;
import static backroom.edge.access.Permission.EDIT_CATALOG;
import static backroom.edge.access.Permission.MANAGE_STAFF;
import static backroom.edge.access.Permission.MOVE_CASH;
import static backroom.edge.access.Permission.OPEN_DRAWER;
import static backroom.edge.access.Permission.OPEN_SHIFT;
import static backroom.edge.access.Permission.OVERRIDE_PRICE;
import static backroom.edge.access.Permission.READ_CATALOG;
import static backroom.edge.access.Permission.READ_HARDWARE;
import static backroom.edge.access.Permission.READ_ORDERS;
import static backroom.edge.access.Permission.READ_RELAY;
import static backroom.edge.access.Permission.READ_REPORTS;
import static backroom.edge.access.Permission.READ_SALES;
import static backroom.edge.access.Permission.READ_SHIFTS;
import static backroom.edge.access.Permission.REFUND_SALE;
import static backroom.edge.access.Permission.REPRINT_RECEIPT;
import static backroom.edge.access.Permission.RING_SALE;
import static backroom.edge.access.Permission.SIGN_OUT;
import static backroom.edge.access.Permission.VOID_SALE;
import static backroom.edge.access.Permission.WATCH_LIVE_UPDATES;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: the one permission table of the box. A caller may do something when its role
 * grants it and its device's kind allows it (a kitchen screen rings no sale, whoever signs in on
 * it); a device with nobody signed in may only do what {@link #ALONE} lists for its kind. A kiosk
 * faces customers: it shows the menu but follows no live feed, which carries every sale, refund and
 * cash movement of the store.
 */
public final class Permissions {

    private static final Set<Permission> CASHIER = EnumSet.of(
            READ_CATALOG, READ_SHIFTS, OPEN_SHIFT, RING_SALE, READ_SALES, READ_ORDERS, BUMP_ORDERS, WATCH_LIVE_UPDATES, SIGN_OUT,
            REPRINT_RECEIPT, READ_HARDWARE);
    private static final Set<Permission> SUPERVISOR = with(CASHIER,
            VOID_SALE, REFUND_SALE, OPEN_DRAWER, MOVE_CASH, CLOSE_SHIFT, ADJUST_STOCK, DISCOUNT_OVER_LIMIT, OVERRIDE_PRICE);
    private static final Set<Permission> MANAGER = with(SUPERVISOR, EDIT_CATALOG, MANAGE_STAFF, READ_RELAY, READ_REPORTS);
    private static final Set<Permission> KITCHEN = EnumSet.of(READ_CATALOG, READ_ORDERS, BUMP_ORDERS, WATCH_LIVE_UPDATES, SIGN_OUT,
            READ_HARDWARE);
    private static final Set<Permission> EVERYTHING = EnumSet.allOf(Permission.class);

    private static final Map<Role, Set<Permission>> BY_ROLE = new EnumMap<>(Map.of(
            Role.CASHIER, CASHIER,
            Role.SUPERVISOR, SUPERVISOR,
            Role.MANAGER, MANAGER,
            Role.KITCHEN, KITCHEN,
            Role.TECHNICIAN, EVERYTHING));

    private static final Map<DeviceKind, Set<Permission>> BY_DEVICE_KIND = new EnumMap<>(Map.of(
            DeviceKind.TERMINAL, EVERYTHING,
            DeviceKind.KDS, KITCHEN,
            DeviceKind.KIOSK, EnumSet.of(READ_CATALOG, SIGN_OUT)));

    /**
     * What a paired device may do before anyone signs in on it: show the menu and follow live
     * updates; a kitchen screen also works its orders (a cook bumps without a PIN); a kiosk only
     * shows the menu.
     */
    private static final Map<DeviceKind, Set<Permission>> ALONE = new EnumMap<>(Map.of(
            DeviceKind.TERMINAL, EnumSet.of(READ_CATALOG, WATCH_LIVE_UPDATES),
            DeviceKind.KDS, EnumSet.of(READ_CATALOG, WATCH_LIVE_UPDATES, READ_ORDERS, BUMP_ORDERS),
            DeviceKind.KIOSK, EnumSet.of(READ_CATALOG)));

    private Permissions() {
    }

    public static boolean grants(Role role, DeviceKind kind, Permission permission) {
        return BY_ROLE.get(role).contains(permission) && BY_DEVICE_KIND.get(kind).contains(permission);
    }

    public static boolean grantsDeviceAlone(DeviceKind kind, Permission permission) {
        return ALONE.get(kind).contains(permission);
    }

    private static Set<Permission> with(Set<Permission> base, Permission... more) {
        Set<Permission> all = EnumSet.copyOf(base);
        all.addAll(Set.of(more));
        return all;
    }
}
