package backroom.edge.backup;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tablets ringing the worked-example sale, each from its own thread with its own
 * Idempotency-Keys, until told to stop; keeps every sale answered 201. Any other answer stops
 * them all and fails the test that waits on them.
 */
final class Tablets implements AutoCloseable {

    private final ConcurrentLinkedQueue<Reply> answered = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<String> refused = new AtomicReference<>();
    private final ExecutorService threads;

    private Tablets(int tablets) {
        this.threads = Executors.newFixedThreadPool(tablets);
    }

    static Tablets start(Api api, String registerId, String shiftId, int tablets) {
        Tablets started = new Tablets(tablets);
        for (int t = 1; t <= tablets; t++) {
            String tablet = "tablet-" + t;
            started.threads.submit(() -> started.ring(api, registerId, shiftId, tablet));
        }
        return started;
    }

    /** How many sales were answered 201 so far. */
    int answered() {
        failIfRefused();
        return count.get();
    }

    /** Blocks until at least {@code sales} more than {@code since} were answered 201. */
    void awaitAnswered(int since, int sales) throws InterruptedException {
        while (answered() < since + sales) {
            Thread.sleep(1);
        }
    }

    /** Stops every tablet and returns the sales answered 201. */
    List<Reply> stop() {
        stopped.set(true);
        threads.close();
        failIfRefused();
        return List.copyOf(answered);
    }

    @Override
    public void close() {
        stopped.set(true);
        threads.close();
    }

    private void ring(Api api, String registerId, String shiftId, String tablet) {
        for (int n = 1; !stopped.get(); n++) {
            Reply reply = api.ringSale(tablet + "-sale-" + n, Sales.twoLargeLattesWithExtraShot(registerId, shiftId));
            if (reply.status() != 201) {
                refused.compareAndSet(null, tablet + " got " + reply);
                stopped.set(true);
                return;
            }
            answered.add(reply);
            count.incrementAndGet();
        }
    }

    private void failIfRefused() {
        if (refused.get() != null) {
            throw new AssertionError("a sale was refused while the tablets rang: " + refused.get());
        }
    }
}
