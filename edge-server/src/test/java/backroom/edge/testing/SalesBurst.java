package backroom.edge.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tablets ringing the worked-example sale as fast as the box answers, each with its own
 * Idempotency-Key, until the box stops answering 201 (it died, or the ledger failed). Keeps every
 * attempt with the answer it got, if any, for the test to hold the box to afterwards.
 */
public final class SalesBurst implements AutoCloseable {

    /** A sale sent, and its answer; {@code reply} is null when none came back. */
    public record Attempt(String key, Map<String, Object> body, Reply reply) {

        public boolean answered201() {
            return reply != null && reply.status() == 201;
        }
    }

    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger ringing;
    private final ExecutorService tablets;

    private SalesBurst(int tablets) {
        this.ringing = new AtomicInteger(tablets);
        this.tablets = Executors.newFixedThreadPool(tablets);
    }

    public static SalesBurst start(Api api, String registerId, String shiftId, int tablets) {
        SalesBurst burst = new SalesBurst(tablets);
        for (int t = 1; t <= tablets; t++) {
            String tablet = "tablet-" + t;
            burst.tablets.submit(() -> burst.ringUntilRefused(api, registerId, shiftId, tablet));
        }
        return burst;
    }

    /** Blocks until {@code count} sales were answered 201; fails if every tablet stopped first. */
    public void awaitAnswered(int count) throws InterruptedException {
        while (answered.get() < count) {
            if (ringing.get() == 0) {
                throw new AssertionError("the tablets stopped after " + answered.get() + " sales: " + attempts());
            }
            Thread.sleep(1);
        }
    }

    /** Waits for every tablet to stop; call it once the box can no longer answer. */
    @Override
    public void close() {
        tablets.close();
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    private void ringUntilRefused(Api api, String registerId, String shiftId, String tablet) {
        try {
            for (int n = 1; ; n++) {
                Attempt attempt = ring(api, tablet + "-sale-" + n, Sales.twoLargeLattesWithExtraShot(registerId, shiftId));
                attempts.add(attempt);
                if (!attempt.answered201()) {
                    return;
                }
                answered.incrementAndGet();
            }
        } finally {
            ringing.decrementAndGet();
        }
    }

    private static Attempt ring(Api api, String key, Map<String, Object> body) {
        try {
            return new Attempt(key, body, api.ringSale(key, body));
        } catch (RuntimeException noAnswer) {
            return new Attempt(key, body, null);
        }
    }
}
