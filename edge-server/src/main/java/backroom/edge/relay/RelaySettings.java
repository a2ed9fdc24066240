package backroom.edge.relay;

import backroom.relay.mqtt.BrokerSettings;
import backroom.relay.uplink.UplinkSettings;
import backroom.relay.wire.StoreId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The relay's settings from the environment (a config file comes with provisioning):
 * {@code BACKROOM_MQTT_URL} ({@code tcp://} or {@code ssl://}), {@code BACKROOM_MQTT_USERNAME},
 * {@code BACKROOM_MQTT_PASSWORD}, {@code BACKROOM_MQTT_CA} (PEM file), {@code BACKROOM_FRANCHISE},
 * {@code BACKROOM_STORE}, {@code BACKROOM_STORE_SECRET}. No URL: no relay, and the ledger queues.
 * A URL without the store's name or secret is refused at start, naming what is missing.
 */
public final class RelaySettings {

    private RelaySettings() {
    }

    public static Optional<UplinkSettings> fromEnvironment(Map<String, String> env) {
        String url = env.get("BACKROOM_MQTT_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("BACKROOM_FRANCHISE", "BACKROOM_STORE", "BACKROOM_STORE_SECRET")) {
            if (env.getOrDefault(name, "").isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("BACKROOM_MQTT_URL is set, so the relay also needs " + String.join(", ", missing));
        }
        BrokerSettings broker = new BrokerSettings(url.strip(), optional(env, "BACKROOM_MQTT_USERNAME"),
                optional(env, "BACKROOM_MQTT_PASSWORD"), optional(env, "BACKROOM_MQTT_CA").map(Path::of));
        StoreId store = new StoreId(env.get("BACKROOM_FRANCHISE").strip(), env.get("BACKROOM_STORE").strip());
        return Optional.of(new UplinkSettings(broker, store, env.get("BACKROOM_STORE_SECRET").strip()));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
