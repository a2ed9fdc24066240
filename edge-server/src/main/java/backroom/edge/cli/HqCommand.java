package backroom.edge.cli;

import backroom.relay.hq.HqSink;
import backroom.relay.hq.StoreSecrets;
import backroom.relay.mqtt.BrokerSettings;
import io.helidon.logging.common.LogConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom hq}: one HQ sink. It joins the shared subscription on every store's events, lands
 * each batch in the database (H2 by default, or PostgreSQL), and acks each store. Run as many as
 * needed, on any machines: the broker hands each batch to one of them. Runs until stopped.
 */
@Command(name = "hq", description = "Run an HQ sink: land every store's ledger batches in one database, each seq once, and ack them.")
final class HqCommand implements Callable<Integer> {

    @Option(names = "--db", description = "JDBC URL of HQ's database (default: an H2 file, jdbc:h2:./hq-data/hq).")
    private String db = "jdbc:h2:./hq-data/hq";

    @Option(names = "--broker", required = true, description = "The broker: tcp://host:port or ssl://host:port.")
    private String broker;

    @Option(names = "--stores", required = true, description = "File of the stores HQ knows, one 'franchise/store secret' a line.")
    private Path stores;

    @Option(names = "--username", description = "Broker user name (default: $BACKROOM_MQTT_USERNAME).")
    private String username = System.getenv("BACKROOM_MQTT_USERNAME");

    @Option(names = "--password", description = "Broker password (default: $BACKROOM_MQTT_PASSWORD).")
    private String password = System.getenv("BACKROOM_MQTT_PASSWORD");

    @Option(names = "--ca", description = "PEM file of the broker's certificate authority (default: $BACKROOM_MQTT_CA).")
    private Path ca = Optional.ofNullable(System.getenv("BACKROOM_MQTT_CA")).map(Path::of).orElse(null);

    @Override
    public Integer call() throws InterruptedException {
        LogConfig.configureRuntime();
        HqSink sink;
        try {
            BrokerSettings settings = new BrokerSettings(broker, Optional.ofNullable(username), Optional.ofNullable(password),
                    Optional.ofNullable(ca));
            StoreSecrets known = StoreSecrets.read(stores);
            sink = HqSink.start(settings, known, db, Clock.systemUTC());
            System.out.printf("hq: landing batches of %d stores from %s in %s%n", known.size(), settings, db);
        } catch (IllegalArgumentException | IOException | SQLException e) {
            System.err.println("hq: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "hq-sink-stop"));
        Thread.currentThread().join();
        return 0;
    }
}
