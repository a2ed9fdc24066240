package backroom.edge.cli;

import backroom.relay.hq.StoreDownlink;
import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreCommand;
import backroom.relay.wire.StoreId;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.MqttException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backroom hq cmd --store f/s resend --from 1} or {@code ... revoke-device --device <id>}:
 * adds a command to the store's retained list; the box does it once, when it next connects.
 */
@Command(name = "cmd", description = "Send a store a command, done once: resend --from SEQ, or revoke-device --device ID.")
final class HqStoreCommand implements Callable<Integer> {

    @Mixin
    private HqBrokerOptions options;

    @Option(names = "--store", required = true, description = "The store: franchise/store, as in the stores file.")
    private String store;

    @Parameters(index = "0", description = "resend or revoke-device.")
    private String type;

    @Option(names = "--from", description = "resend: the first seq to send again.")
    private Long fromSeq;

    @Option(names = "--device", description = "revoke-device: the device's id.")
    private String deviceId;

    @Override
    public Integer call() {
        try {
            StoreId id = StoreId.parse(store);
            Signature signature = options.stores().of(id)
                    .orElseThrow(() -> new IllegalArgumentException(store + " is not in the stores file"));
            StoreCommand command = new StoreCommand(UUID.randomUUID().toString(), type, fromSeq, deviceId);
            try (StoreDownlink downlink = StoreDownlink.connect(options.broker(), id, signature)) {
                int held = downlink.send(command).commands().size();
                System.out.printf("hq: command %s (%s) for %s published; %d commands retained%n", command.id(), type, id, held);
            }
            return 0;
        } catch (IllegalArgumentException | IOException | MqttException e) {
            System.err.println("hq cmd: " + e.getMessage());
            return 2;
        }
    }
}
