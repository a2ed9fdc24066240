package backroom.edge.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A page the box serves as it is: one HTML file beside its class, read once, sent uncached so a new build shows at once. */
public final class HtmlPage {

    private final byte[] page;

    private HtmlPage(byte[] page) {
        this.page = page;
    }

    /** The file {@code name} beside {@code owner}'s class; a build without it fails at start-up, naming it. */
    public static HtmlPage of(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new HtmlPage(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.send(page);
    }
}
