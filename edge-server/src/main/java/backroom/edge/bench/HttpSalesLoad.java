package backroom.edge.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code clients} threads each ringing the worked-example sale over its own keep-alive HTTP
 * connection, one after another, for
 * a fixed time after a warm-up. Every request has its own Idempotency-Key, so every one is a new
 * sale with its own fsync'd group commit.
 */
final class HttpSalesLoad {

    private final int port;
    private final String body;

    HttpSalesLoad(int port, String shiftId) {
        this.port = port;
        this.body = """
                {"registerId":"bench","shiftId":"%s","orderType":"takeaway",
                 "items":[{"productId":"coffee-latte","variantId":"large","quantity":2,"modifierIds":["extra-shot"]}],
                 "payments":[{"method":"cash","amount":100000}]}""".formatted(shiftId);
    }

    Result run(int clients, Duration warmUp, Duration measure) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name("bench-client-" + i).start(() -> ring(measureFrom, end, latencies, failures)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = measure.toNanos() / 1e9;
        return new Result(clients, latencies.count() / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), failures.get());
    }

    private void ring(long measureFrom, long end, Latencies latencies, AtomicLong failures) {
        try (KeepAliveClient client = new KeepAliveClient(port)) {
            for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                int status = client.post("/api/v1/sales", UUID.randomUUID().toString(), body);
                long done = System.nanoTime();
                if (status != 201) {
                    failures.incrementAndGet();
                } else if (start >= measureFrom && done <= end) {
                    latencies.add(done - start);
                }
            }
        } catch (IOException e) {
            failures.incrementAndGet();
        }
    }

    /** Sales per second and latency percentiles at one level of concurrency. */
    record Result(int clients, double salesPerSecond, double p50Millis, double p99Millis, long failures) {
    }
}
