package backroom.edge.cli;

import backroom.edge.access.BoxKey;
import backroom.edge.access.DeviceKind;
import backroom.edge.access.Pairing;
import backroom.edge.access.PairingCodeSpool;
import backroom.edge.access.SecretTokens;
import backroom.edge.ledger.LedgerDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backroom pairing-code}: run on the box itself (it needs the data folder), prints a fresh
 * code that pairs one device within ten minutes, whether or not the box is running now.
 */
@Command(name = "pairing-code", description = "Print a fresh pairing code for one device (run on the box itself).")
final class PairingCodeCommand implements Callable<Integer> {

    @Mixin
    private DataFolderOption dataFolder;

    @Option(names = "--name", description = "What the device will be called (default: ${DEFAULT-VALUE}).", defaultValue = "Paired on the box")
    private String name;

    @Option(names = "--kind", description = "terminal, kds or kiosk (default: ${DEFAULT-VALUE}).", defaultValue = "terminal")
    private String kind;

    @Override
    public Integer call() {
        Path data = dataFolder.folder();
        if (!LedgerDatabase.isProvisioned(data)) {
            System.err.println("No box has started with data folder " + data.toAbsolutePath()
                    + " yet: start it with ./backroom run, which prints the first pairing code itself.");
            return 1;
        }
        Optional<String> owner = ownerOtherThanMe(data);
        if (owner.isPresent()) {
            System.err.println("The data folder " + data.toAbsolutePath() + " belongs to " + owner.get()
                    + ": run this as that user (sudo -u " + owner.get() + " ./backroom pairing-code ...), or the box cannot read the code.");
            return 1;
        }
        DeviceKind deviceKind = DeviceKind.fromWire(kind).orElse(null);
        if (deviceKind == null || name.isBlank() || name.length() > 200) {
            System.err.println("--kind must be terminal, kds or kiosk, and --name 1 to 200 characters.");
            return 2;
        }
        BoxKey key;
        try {
            key = BoxKey.read(data);
        } catch (BoxKey.BoxKeyException e) {
            System.err.println("Cannot make a pairing code without the box's key: " + e.getMessage());
            return 1;
        }
        String digits = SecretTokens.strong().pairingCode();
        var code = Pairing.newCode(key, digits, name, deviceKind, Instant.now());
        new PairingCodeSpool(data).put(code);
        System.out.println("Pairing code: " + digits);
        System.out.println("(pairs one " + deviceKind.wireName() + " named \"" + name + "\" until " + code.expiresAt() + ")");
        return 0;
    }

    /** The data folder's owner, when it is not the user running this command: the code it writes must be the box's to read. */
    private static Optional<String> ownerOtherThanMe(Path data) {
        try {
            String owner = Files.getOwner(data).getName();
            return owner.equals(System.getProperty("user.name")) ? Optional.empty() : Optional.of(owner);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
