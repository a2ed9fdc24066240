package backroom.edge.cli;

import backroom.relay.hq.StoreDownlink;
import backroom.relay.hq.StoreSecrets;
import backroom.relay.wire.StoreCommand;
import backroom.relay.wire.StoreId;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.MqttException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backroom hq cmd --store f/s resend --from 1}, {@code ... revoke-device --device <id>} or
 * {@code ... rotate-secret}: adds a command to the store's retained list; the box does it once, when
 * it next connects. A new secret is made here, sent sealed under the current one, and printed
 * once for the stores file.
 */
@Command(name = "cmd", description = "Send a store a command, done once: resend --from SEQ, revoke-device --device ID, or rotate-secret.")
final class HqStoreCommand implements Callable<Integer> {

    @Mixin
    private HqBrokerOptions options;

    @Option(names = "--store", required = true, description = "The store: franchise/store, as in the stores file.")
    private String store;

    @Parameters(index = "0", description = "resend, revoke-device or rotate-secret.")
    private String type;

    @Option(names = "--from", description = "resend: the first seq to send again.")
    private Long fromSeq;

    @Option(names = "--device", description = "revoke-device: the device's id.")
    private String deviceId;

    /** 32 random bytes, base64url: 43 characters. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Integer call() {
        try {
            StoreId id = StoreId.parse(store);
            StoreSecrets.Secrets secrets = options.stores().secrets(id)
                    .orElseThrow(() -> new IllegalArgumentException(store + " is not in the stores file"));
            String commandId = UUID.randomUUID().toString();
            String newSecret = null;
            StoreCommand command;
            if (StoreCommand.ROTATE_SECRET.equals(type)) {
                newSecret = newSecret();
                command = StoreCommand.rotateSecret(commandId, newSecret, secrets.current());
            } else {
                command = new StoreCommand(commandId, type, fromSeq, deviceId, null);
            }
            try (StoreDownlink downlink = StoreDownlink.connect(options.broker(), id, secrets.signature())) {
                int held = downlink.send(command).commands().size();
                if (StoreCommand.RESEND.equals(type)) {
                    downlink.clearRetainedAck();
                }
                System.out.printf("hq: command %s (%s) for %s published; %d commands retained%n", command.id(), type, id, held);
            }
            if (newSecret != null) {
                System.out.printf("hq: the store signs with its new secret once it has done the command. Put the new secret first on%n"
                        + "its line in the stores file, the old one after it, and restart the sinks:%n  %s %s %s%n"
                        + "Once the store's relay is acked again, drop the old secret from the line.%n", id, newSecret, secrets.current());
            }
            return 0;
        } catch (IllegalArgumentException | IOException | MqttException e) {
            System.err.println("hq cmd: " + e.getMessage());
            return 2;
        }
    }
}
