package backroom.edge.access;

/** One thing a caller may be allowed to do. Routes name the one they need; {@link Permissions} grants them. */
public enum Permission {
    READ_CATALOG,
    EDIT_CATALOG,
    ADJUST_STOCK,
    READ_SHIFTS,
    OPEN_SHIFT,
    CLOSE_SHIFT,
    MOVE_CASH,
    RING_SALE,
    READ_SALES,
    VOID_SALE,
    REFUND_SALE,
    OPEN_DRAWER,
    WATCH_LIVE_UPDATES,
    SIGN_OUT,
    MANAGE_STAFF,
    MANAGE_DEVICES,
    /** The kitchen's orders and the tables they occupy. */
    READ_ORDERS,
    /** Bumping, recalling, rushing or setting the status of a kitchen order. */
    BUMP_ORDERS,
    READ_RELAY,
    /** Printing a sale's receipt once more, on request. */
    REPRINT_RECEIPT,
    /** The printers', drawers' and pole displays' status and queues. */
    READ_HARDWARE,
    /** A test page on a printer, a kick of a drawer: a technician's. */
    TEST_HARDWARE,
    /** Sending to HQ again after the relay halted on a fork: a technician's, once HQ has dealt with it. */
    RESUME_RELAY,
    /** A discount on an open check beyond what a cashier may give. */
    DISCOUNT_OVER_LIMIT,
    /** Setting the price of an open check's line. */
    OVERRIDE_PRICE,
    /** The store's sales reports over days and months: a manager's. */
    READ_REPORTS
}
