package backroom.edge.cli;

import backroom.relay.hq.HqSink;
import backroom.relay.hq.StoreSecrets;
import backroom.relay.mqtt.BrokerSettings;
import io.helidon.logging.common.LogConfig;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backroom hq}: one HQ sink. It joins the shared subscription on every store's events, lands
 * each batch in the database (H2 by default, or PostgreSQL), and acks each store. Run as many as
 * needed, on any machines: the broker hands each batch to one of them. Runs until stopped. Its
 * subcommands send a store its config ({@code push-config}) and commands ({@code cmd}).
 */
@Command(name = "hq", description = "Run an HQ sink: land every store's ledger batches in one database, each seq once, and ack them.",
        subcommands = {HqPushConfigCommand.class, HqStoreCommand.class})
final class HqCommand implements Callable<Integer> {

    @Option(names = "--db", description = "JDBC URL of HQ's database (default: an H2 file, jdbc:h2:./hq-data/hq).")
    private String db = "jdbc:h2:./hq-data/hq";

    @Mixin
    private HqBrokerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        LogConfig.configureRuntime();
        HqSink sink;
        try {
            BrokerSettings settings = options.broker();
            StoreSecrets known = options.stores();
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
