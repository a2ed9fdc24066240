package backroom.edge.bench;

import backroom.edge.Box;
import backroom.edge.ledger.LedgerDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A bench ledger of real sales: rung through the box's API by several tablets at once, each its own keep-alive connection. */
final class BenchSales {

    private BenchSales() {
    }

    /** Rings {@code count} worked-example sales on {@code till}; fails if the box refuses any. */
    static void ring(Box box, BenchTill till, int count, int tablets) throws InterruptedException {
        ring(box.port(), till, count, tablets);
    }

    /** Rings {@code count} worked-example sales on {@code till} of the box listening on {@code port}. */
    static void ring(int port, BenchTill till, int count, int tablets) throws InterruptedException {
        String sale = till.workedExampleSale();
        AtomicInteger left = new AtomicInteger(count);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < tablets; t++) {
            threads.add(Thread.ofPlatform().start(() -> ringUntilDone(port, till.token(), sale, left)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (left.get() > 0) {
            throw new IllegalStateException("the bench box refused sales; " + left.get() + " of " + count + " were not rung");
        }
    }

    /** Rings worked-example sales on {@code till} until the ledger holds at least {@code entries} entries. */
    static void ringUntilEntries(Box box, BenchTill till, long entries, int tablets) throws InterruptedException {
        long before = head(box);
        int probe = 100;
        ring(box, till, probe, tablets);
        long perSale = Math.max(1, (head(box) - before) / probe);
        while (head(box) < entries) {
            ring(box, till, (int) Math.max(1, (entries - head(box)) / perSale), tablets);
        }
    }

    private static long head(Box box) {
        return box.database().writer().head().seq();
    }

    /** The newest seq in the ledger of a stopped box. */
    static long headSeq(Path dataDir) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            return handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM ledger").mapTo(Long.class).one();
        }
    }

    private static void ringUntilDone(int port, String token, String sale, AtomicInteger left) {
        try (KeepAliveClient client = new KeepAliveClient(port, token)) {
            while (left.getAndDecrement() > 0) {
                if (client.post("/api/v1/sales", UUID.randomUUID().toString(), sale) != 201) {
                    left.incrementAndGet();
                    return;
                }
            }
            left.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
