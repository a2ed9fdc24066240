package backroom.relay.wire;

import java.util.Optional;

/** The relay's MQTT topics (DESIGN.md, Cloud relay). All QoS 1. */
public final class Topics {

    public static final String ROOT = "backroom/v1/";
    /** Every sink joins this one shared subscription: the broker hands each batch to one of them. */
    public static final String SHARED_EVENTS = "$share/hq/" + ROOT + "+/+/events";
    /** Every sink joins this one too: a box's requests for its ledger back, each answered by one sink. */
    public static final String SHARED_LEDGER_REQUESTS = "$share/hq/" + ROOT + "+/+/ledger/get";
    private static final String EVENTS = "/events";
    private static final String LEDGER_REQUESTS = "/ledger/get";
    private static final String LEDGER_PAGES = "/ledger/page";

    private Topics() {
    }

    /** Box to HQ: ledger batches. */
    public static String events(StoreId id) {
        return ROOT + id + EVENTS;
    }

    /** Box to HQ: a box rebuilding its ledger asks for it here ({@link LedgerRequest}). */
    public static String ledgerRequests(StoreId id) {
        return ROOT + id + LEDGER_REQUESTS;
    }

    /** HQ to box: the pages of a store's ledger, answering its requests ({@link LedgerPage}). */
    public static String ledgerPages(StoreId id) {
        return ROOT + id + LEDGER_PAGES;
    }

    /** HQ to box, retained: how far HQ holds the store's ledger, chain-checked. */
    public static String ack(StoreId id) {
        return ROOT + id + "/ack";
    }

    /** Box, retained, with a last will: online or offline, head seq, backlog. */
    public static String status(StoreId id) {
        return ROOT + id + "/status";
    }

    /** HQ to box, retained and signed: the store's catalog and settings ({@link StoreConfig}). */
    public static String config(StoreId id) {
        return ROOT + id + "/config";
    }

    /** HQ to box, retained and signed: the newest commands for the store ({@link StoreCommands}). */
    public static String commands(StoreId id) {
        return ROOT + id + "/cmd";
    }

    /** The store an events topic belongs to, or empty for any other topic. */
    public static Optional<StoreId> storeOfEvents(String topic) {
        return storeOf(topic, EVENTS);
    }

    /** The store a ledger request's topic belongs to, or empty for any other topic. */
    public static Optional<StoreId> storeOfLedgerRequest(String topic) {
        return storeOf(topic, LEDGER_REQUESTS);
    }

    private static Optional<StoreId> storeOf(String topic, String suffix) {
        if (!topic.startsWith(ROOT) || !topic.endsWith(suffix)) {
            return Optional.empty();
        }
        String[] levels = topic.substring(ROOT.length(), topic.length() - suffix.length()).split("/", -1);
        if (levels.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoreId(levels[0], levels[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
