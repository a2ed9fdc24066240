package backroom.edge.testing;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.ledger.ChainVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real box for a test: H2 file in a temp folder, HTTP on a free loopback port. */
public final class TestBox implements AutoCloseable {

    private final Path dataDir;
    private final Box box;
    private final Api api;

    private TestBox(Path dataDir) {
        this.dataDir = dataDir;
        this.box = Box.start(new BoxConfig("127.0.0.1", 0, dataDir));
        this.api = new Api(box.port());
    }

    public static TestBox start() {
        try {
            return new TestBox(Files.createTempDirectory("backroom-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return api;
    }

    public Box box() {
        return box;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long headSeq() {
        return box.database().writer().head().seq();
    }

    public ChainVerdict verifyChain() {
        return box.database().verifyChain();
    }

    @Override
    public void close() {
        box.close();
    }
}
