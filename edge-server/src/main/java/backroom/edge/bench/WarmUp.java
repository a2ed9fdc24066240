package backroom.edge.bench;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import java.nio.file.Path;

/**
 * A throw-away box on an empty folder under {@code java.io.tmpdir} and a free loopback port, set
 * up and rung once through its HTTP API as a bench box is, stopped, and its folder deleted: what
 * {@code backroom warm-up} does, so that the JVM has loaded the classes a box starts with when it
 * exits and writes its class-data archive.
 */
public final class WarmUp {

    private WarmUp() {
    }

    public static void run() throws Exception {
        BenchFolders.inFreshFolder(Path.of(System.getProperty("java.io.tmpdir")), "backroom-warm-up", folder -> {
            try (Box box = Box.start(new BoxConfig("127.0.0.1", 0, folder.resolve("data")))) {
                BenchSales.ring(box, BenchTill.open(box), 1, 1);
            }
            return 0;
        });
    }
}
