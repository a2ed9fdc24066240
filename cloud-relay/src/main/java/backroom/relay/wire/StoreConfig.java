package backroom.relay.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * HQ's catalog and settings for one store, on {@code .../config}, retained and signed with the
 * store's secret. A box applies a {@code version} above the one it applied last, whole, and
 * ignores any other. {@code catalog} and {@code settings} are the box's to read:
 *
 * <pre>{"version":7,"catalog":{"taxes":[...],"categories":[...],"products":[...]},
 *  "settings":{"storeName":"Kopi Nusantara Kemang","serviceChargeBp":500,"roundingIncrement":100,"roundingMode":"HALF_UP"}}</pre>
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StoreConfig(long version, JsonNode catalog, JsonNode settings) {

    public StoreConfig {
        if (version < 1) {
            throw new IllegalArgumentException("a config's version is at least 1");
        }
    }

    public byte[] encode(Signature signature) {
        return SignedJson.encode(this, signature);
    }

    public static StoreConfig decode(byte[] message, Signature signature) throws BadMessageException {
        return SignedJson.decode(message, signature, StoreConfig.class, "a store config");
    }
}
