package backroom.edge.relay;

import backroom.relay.uplink.Downlink;
import backroom.relay.wire.StoreCommands;
import backroom.relay.wire.StoreConfig;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What HQ sends down, taken off the MQTT client's thread (which also carries HQ's acks) and done
 * in arrival order on a thread of its own, each through the ledger writer.
 */
final class HqDownlink implements Downlink, AutoCloseable {

    private final RemoteConfig config;
    private final RemoteCommands commands;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("relay-downlink").daemon(true).factory());

    HqDownlink(RemoteConfig config, RemoteCommands commands) {
        this.config = config;
        this.commands = commands;
    }

    @Override
    public void config(StoreConfig sent) {
        thread.execute(() -> config.apply(sent));
    }

    @Override
    public void commands(StoreCommands sent) {
        thread.execute(() -> commands.run(sent));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
