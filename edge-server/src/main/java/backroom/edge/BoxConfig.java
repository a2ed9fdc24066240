package backroom.edge;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the box listens and keeps its data, read once at start-up. Environment:
 * {@code BACKROOM_HTTP_PORT} (default 8080; 0 picks a free port), {@code BACKROOM_DATA_DIR}
 * (default {@code ./data}), {@code BACKROOM_BOOTSTRAP_PIN} (the technician PIN a box that was never
 * provisioned starts with; random if unset).
 */
public record BoxConfig(String host, int httpPort, Path dataDir, String bootstrapPin) {

    public BoxConfig(String host, int httpPort, Path dataDir) {
        this(host, httpPort, dataDir, null);
    }

    public static BoxConfig fromEnvironment(Map<String, String> env) {
        String port = env.getOrDefault("BACKROOM_HTTP_PORT", "8080");
        try {
            return new BoxConfig(env.getOrDefault("BACKROOM_HTTP_HOST", "0.0.0.0"), Integer.parseInt(port),
                    Path.of(env.getOrDefault("BACKROOM_DATA_DIR", "data")), env.get("BACKROOM_BOOTSTRAP_PIN"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("BACKROOM_HTTP_PORT must be a port number, not '" + port + "'", e);
        }
    }

    public BoxConfig withBootstrapPin(String pin) {
        return new BoxConfig(host, httpPort, dataDir, pin);
    }

    public BoxConfig withDataDir(Path dir) {
        return new BoxConfig(host, httpPort, dir, bootstrapPin);
    }
}
