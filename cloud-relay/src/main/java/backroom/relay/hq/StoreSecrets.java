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
 * The stores HQ knows and each one's secret, read from a file of lines
 * {@code franchise/store secret [previous-secret]}; blank lines and lines starting with {@code #}
 * are skipped. A batch from a store not listed is refused. While a store's secret is rotated, its
 * line keeps the previous one after the new: a batch signed with either is taken, and answered in
 * the secret that signed it, as the box may not have switched yet.
 */
public final class StoreSecrets {

    /** A store's secret now, and the one before it while a rotation is under way. */
    public record Secrets(String current, Optional<String> previous) {

        public Signature signature() {
            return new Signature(current);
        }

        /** The current signature first, then the previous one. */
        List<Signature> accepted() {
            return previous.map(old -> List.of(new Signature(current), new Signature(old))).orElseGet(() -> List.of(new Signature(current)));
        }
    }

    private final Map<StoreId, Secrets> secrets;

    private StoreSecrets(Map<StoreId, Secrets> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    public static StoreSecrets read(Path file) throws IOException {
        return parse(Files.readAllLines(file), file.toString());
    }

    public static StoreSecrets parse(List<String> lines, String source) {
        Map<StoreId, Secrets> secrets = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = source + " line " + (i + 1);
            if (parts.length != 2 && parts.length != 3) {
                throw new IllegalArgumentException(where + ": expected 'franchise/store secret [previous-secret]'");
            }
            try {
                Secrets store = new Secrets(parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
                store.accepted(); // each secret is checked here: at least 16 characters
                if (secrets.put(StoreId.parse(parts[0]), store) != null) {
                    throw new IllegalArgumentException(parts[0] + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new StoreSecrets(secrets);
    }

    /** The store's current signature, for what HQ sends down. */
    public Optional<Signature> of(StoreId store) {
        return secrets(store).map(Secrets::signature);
    }

    public Optional<Secrets> secrets(StoreId store) {
        return Optional.ofNullable(secrets.get(store));
    }

    /** The signatures a batch from {@code store} may carry: the current, then the previous during a rotation. */
    List<Signature> accepted(StoreId store) {
        return secrets(store).map(Secrets::accepted).orElse(List.of());
    }

    public int size() {
        return secrets.size();
    }
}
