package backroom.edge.cli;

import backroom.relay.hq.StoreDownlink;
import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreConfig;
import backroom.relay.wire.StoreId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.MqttException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backroom hq push-config --store f/s --file catalog.json}: publishes the store's catalog and
 * settings, signed and retained. The file is {@code {"catalog":{...},"settings":{...}}}, with a
 * {@code version} of its own or not: without one the version is the time now in milliseconds, so a
 * later push is always newer.
 */
@Command(name = "push-config", description = "Send a store its catalog and settings (applied once, when newer than what it has).")
final class HqPushConfigCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    private HqBrokerOptions options;

    @Option(names = "--store", required = true, description = "The store: franchise/store, as in the stores file.")
    private String store;

    @Option(names = "--file", required = true, description = "The config: {\"catalog\":{...},\"settings\":{...}} and optionally \"version\".")
    private Path file;

    @Option(names = "--version", description = "The config's version (default: the file's, else the time now in milliseconds).")
    private Long version;

    @Override
    public Integer call() {
        try {
            StoreId id = StoreId.parse(store);
            Signature signature = options.stores().of(id)
                    .orElseThrow(() -> new IllegalArgumentException(store + " is not in the stores file"));
            JsonNode document = JSON.readTree(file.toFile());
            long chosen = version != null ? version
                    : document.hasNonNull("version") ? document.get("version").asLong() : Clock.systemUTC().millis();
            StoreConfig config = new StoreConfig(chosen, document.get("catalog"), document.get("settings"));
            try (StoreDownlink downlink = StoreDownlink.connect(options.broker(), id, signature)) {
                downlink.pushConfig(config);
            }
            System.out.printf("hq: config version %d for %s published%n", chosen, id);
            return 0;
        } catch (IllegalArgumentException | IOException | MqttException e) {
            System.err.println("hq push-config: " + e.getMessage());
            return 2;
        }
    }
}
