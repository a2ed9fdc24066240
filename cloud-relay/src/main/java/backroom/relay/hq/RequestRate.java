package backroom.relay.hq;

import backroom.relay.wire.StoreId;
import java.util.HashMap;
import java.util.Map;

/**
 * How many requests for its ledger a store may have answered in one second. A box rebuilding its
 * ledger asks for one page at a time, each after the last has come: a few a second. A signed
 * request replayed in a flood by someone on the broker is answered no faster than this, so it
 * cannot keep the sink from landing every other store's batches. Used by the sink's one callback
 * thread only.
 */
final class RequestRate {

    private final int perSecond;
    private final Map<StoreId, long[]> windows = new HashMap<>();

    RequestRate(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Whether a request from {@code store} at {@code nowMillis} may be answered; counts it if so. */
    boolean admit(StoreId store, long nowMillis) {
        long second = nowMillis / 1_000;
        long[] window = windows.computeIfAbsent(store, id -> new long[] {second, 0});
        if (window[0] != second) {
            window[0] = second;
            window[1] = 0;
        }
        if (window[1] >= perSecond) {
            return false;
        }
        window[1]++;
        return true;
    }
}
