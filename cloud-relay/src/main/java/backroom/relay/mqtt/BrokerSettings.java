package backroom.relay.mqtt;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a relay end reaches its MQTT broker: {@code tcp://host:port} or {@code ssl://host:port},
 * with an optional user name and password, and for a broker whose certificate is signed by its
 * own authority, that authority's PEM file.
 */
public record BrokerSettings(String url, Optional<String> username, Optional<String> password, Optional<Path> caFile) {

    public BrokerSettings {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a broker URL is tcp://host:port or ssl://host:port; got '" + url + "'", e);
        }
        if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("a broker URL is tcp://host:port or ssl://host:port; got '" + url + "'");
        }
        if (caFile.isPresent() && !"ssl".equals(uri.getScheme())) {
            throw new IllegalArgumentException("a CA file is for an ssl:// broker; got " + url);
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("a broker password needs a user name");
        }
    }

    public static BrokerSettings plain(String url) {
        return new BrokerSettings(url, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The URL without credentials, for logs and status. */
    @Override
    public String toString() {
        return url + username.map(user -> " as " + user).orElse("");
    }
}
