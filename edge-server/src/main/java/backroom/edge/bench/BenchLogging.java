package backroom.edge.bench;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps the web server's and the relay's start and stop lines out of a bench's table. */
final class BenchLogging {

    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger HELIDON = Logger.getLogger("io.helidon");
    private static final Logger RELAY = Logger.getLogger("backroom.relay");

    private BenchLogging() {
    }

    static void quiet() {
        HELIDON.setLevel(Level.WARNING);
        RELAY.setLevel(Level.WARNING);
    }
}
