package backroom.edge.live;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.web.Json;
import backroom.edge.web.Problem;
import backroom.edge.web.ProblemResponses;

/**
 * What the feed sends. A ledger entry goes as {@code {"seq":42,"type":"sale.completed","data":{...}}},
 * its data being the entry's canonical JSON payload as it is. Access bookkeeping (devices, staff,
 * sessions, pairing codes) is never sent: a kitchen screen has no business with it.
 */
final class LiveMessage {

    private LiveMessage() {
    }

    static boolean isShown(LedgerEntry entry) {
        String type = entry.type();
        return !(type.startsWith("device.") || type.startsWith("staff.") || type.startsWith("session.")
                || type.startsWith("pairing."));
    }

    static String of(LedgerEntry entry) {
        return "{\"seq\":" + entry.seq() + ",\"type\":" + Json.write(entry.type()) + ",\"data\":" + entry.payload() + "}";
    }

    /** {@code {"type":"relay.status","data":{...}}}: a state shown as it changes; it has no seq and is not replayed. */
    static String notice(String type, Object data) {
        return "{\"type\":" + Json.write(type) + ",\"data\":" + Json.write(data) + "}";
    }

    /** {@code {"type":"error","detail":"..."}}: the answer to a client message the feed cannot take. */
    /** The answer to a screen's bump: the entry it wrote, as the feed sends entries. */
    static String bumped(String orderId, LedgerEntry entry) {
        return "{\"type\":\"bumped\",\"orderId\":" + Json.write(orderId) + ",\"entry\":" + of(entry) + "}";
    }

    /** The answer to a screen's bump that was refused: the problem an HTTP bump would get. */
    static String refused(String orderId, Problem problem) {
        return "{\"type\":\"problem\",\"orderId\":" + Json.write(orderId) + ",\"problem\":"
                + Json.write(ProblemResponses.body(problem)) + "}";
    }

    static String error(String detail) {
        return "{\"type\":\"error\",\"detail\":" + Json.write(detail) + "}";
    }
}
