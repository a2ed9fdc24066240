package backroom.relay.hq;

import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stores HQ knows and each one's secret, read from a file of lines {@code franchise/store secret};
 * blank lines and lines starting with {@code #} are skipped. A batch from a store not listed is refused.
 */
public final class StoreSecrets {

    private final Map<StoreId, Signature> signatures;

    private StoreSecrets(Map<StoreId, Signature> signatures) {
        this.signatures = Map.copyOf(signatures);
    }

    public static StoreSecrets read(Path file) throws IOException {
        return parse(Files.readAllLines(file), file.toString());
    }

    public static StoreSecrets parse(List<String> lines, String source) {
        Map<StoreId, Signature> signatures = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = source + " line " + (i + 1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ": expected 'franchise/store secret'");
            }
            try {
                if (signatures.put(StoreId.parse(parts[0]), new Signature(parts[1])) != null) {
                    throw new IllegalArgumentException(parts[0] + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new StoreSecrets(signatures);
    }

    public Optional<Signature> of(StoreId store) {
        return Optional.ofNullable(signatures.get(store));
    }

    public int size() {
        return signatures.size();
    }
}
