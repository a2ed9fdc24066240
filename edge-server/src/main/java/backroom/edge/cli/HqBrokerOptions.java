package backroom.edge.cli;

import backroom.relay.hq.StoreSecrets;
import backroom.relay.mqtt.BrokerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How an HQ command reaches the broker, and the stores it knows: shared by {@code hq} and its subcommands. */
final class HqBrokerOptions {

    @Option(names = "--broker", description = "The broker: tcp://host:port or ssl://host:port.")
    private String broker;

    @Option(names = "--stores", description = "File of the stores HQ knows, one 'franchise/store secret' a line.")
    private Path stores;

    @Option(names = "--username", description = "Broker user name (default: $BACKROOM_MQTT_USERNAME).")
    private String username = System.getenv("BACKROOM_MQTT_USERNAME");

    @Option(names = "--password", description = "Broker password (default: $BACKROOM_MQTT_PASSWORD).")
    private String password = System.getenv("BACKROOM_MQTT_PASSWORD");

    @Option(names = "--ca", description = "PEM file of the broker's certificate authority (default: $BACKROOM_MQTT_CA).")
    private Path ca = Optional.ofNullable(System.getenv("BACKROOM_MQTT_CA")).map(Path::of).orElse(null);

    BrokerSettings broker() {
        if (broker == null) {
            throw new IllegalArgumentException("--broker is required (tcp://host:port or ssl://host:port)");
        }
        return new BrokerSettings(broker, Optional.ofNullable(username), Optional.ofNullable(password), Optional.ofNullable(ca));
    }

    StoreSecrets stores() throws IOException {
        if (stores == null) {
            throw new IllegalArgumentException("--stores is required (a file of 'franchise/store secret' lines)");
        }
        return StoreSecrets.read(stores);
    }
}
